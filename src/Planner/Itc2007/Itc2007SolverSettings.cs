using System.Collections.Immutable;

namespace OrleansTraining.Planner.Itc2007;

/// <summary>
/// Tuning of the ITC-2007 solver beyond the engine's <see cref="Search.SearchOptions"/>. The defaults are the values
/// that gave the best mean over seeds in the benchmark (bench/OrleansTraining.Bench/RESULTS-planner.md).
/// </summary>
public sealed record Itc2007SolverSettings
{
    public static readonly Itc2007SolverSettings Default = new();

    public Itc2007MoveMix Moves { get; init; } = Itc2007MoveMix.Default;

    /// <summary>
    /// Automatic start temperature = this × the median uphill move of the instance (the end temperature follows, see
    /// <see cref="EndTemperatureRatio"/>). 0.6 was tried and not kept: at 4 M iterations the sum of mean costs on
    /// comp01/03/08/09/14 went 300.6 → 292.2 over seeds 1–5 but 300.8 → 303.8 over seeds 6–10, and on comp02/05/07/10/12
    /// 784.6 → 798.0 (seeds 1–5): within the seeds' noise, not an improvement.
    /// </summary>
    public double StartTemperatureFactor { get; init; } = 1.0;

    /// <summary>
    /// Automatic end temperature = start temperature × this. 1/80 (was 1/40): with Kempe chains at 50 % the sum of
    /// mean costs over comp02/05/07/12 (seeds 1–5, 10 s) went 751 → 735; without Kempe chains 831 → 828, and 1/20 was worse (951).
    /// </summary>
    public double EndTemperatureRatio { get; init; } = 1.0 / 80;

    /// <summary>Feasibility phase in annealing rounds of this many iterations (null: one anneal over a quarter of the budget).</summary>
    public long? FeasibilityRoundIterations { get; init; }

    /// <summary>Optimisation phase: back to the best timetable after this many iterations without a new best (null: never).</summary>
    public long? RestartFromBestAfter { get; init; }

    /// <summary>
    /// Shares of the optimisation budget for complete anneals before the last one, which takes what is left (empty: one
    /// anneal over the whole budget). Each anneal after the first starts from the best timetable at
    /// <see cref="ReheatFactor"/> × the start temperature. Three anneals (a quarter, a quarter, the rest): a good
    /// timetable exists after a quarter of the budget (comp03 at 25 %: 86 instead of 300) and the final cost did not get
    /// worse: at 8 M iterations, comp03/09/10/14 summed 528.8 against 538.0 for one anneal over seeds 1–10, and
    /// comp02/05/07/12 736.8 against 738.8 over seeds 1–5 (RESULTS-planner.md, round 3).
    /// </summary>
    public ImmutableArray<double> AnnealShares { get; init; } = [0.25, 0.25];

    /// <summary>Start temperature of the anneals after the first (see <see cref="AnnealShares"/>) as a share of the first's.</summary>
    public double ReheatFactor { get; init; } = 0.5;
}
