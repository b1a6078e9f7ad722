using System.Diagnostics;
using OrleansTraining.Planner.Search;

namespace OrleansTraining.Planner.Itc2007;

/// <param name="InitialTemperature">The start temperature used for the optimisation phase (chosen automatically when the options give none).</param>
public sealed record Itc2007Result(Itc2007Solution Solution, SearchResult Search, double InitialTemperature);

/// <summary>
/// Greedy construction, then (if clashes remain) annealing on clashes alone, then annealing on the
/// weighted cost for the rest of the budget. All on the shared engine.
/// </summary>
public static class Itc2007Solver
{
    public static Itc2007Result Solve(
        Itc2007Instance instance,
        SearchOptions options,
        CancellationToken cancellationToken = default,
        IProgress<SearchProgress>? progress = null,
        Itc2007SolverSettings? settings = null)
    {
        settings ??= Itc2007SolverSettings.Default;
        var clock = Stopwatch.StartNew();
        var timetable = new Itc2007Timetable(instance) { Moves = settings.Moves };
        timetable.Construct(options.Seed);
        var engine = new SimulatedAnnealing();
        long iterationsUsed = 0;
        TimeSpan? firstFeasible = timetable.Score.IsFeasible ? clock.Elapsed : null;

        if (!timetable.Score.IsFeasible)
        {
            // Feasibility phase: a share of the budget, soft cost ignored, low temperature on clash counts.
            var feasibility = engine.Run(timetable, options with
            {
                MaxIterations = options.MaxIterations / 4,
                TimeLimit = options.TimeLimit / 4,
                HardWeight = 1,
                SoftWeight = 0,
                InitialTemperature = 0.5,
                FinalTemperature = 0.05,
                StopWhenFeasible = true,
                Target = null,
            }, cancellationToken, progress);
            iterationsUsed = feasibility.Iterations;
            firstFeasible = feasibility.TimeToFirstFeasible is { } t ? clock.Elapsed - feasibility.Elapsed + t : null;
        }

        var (initial, final) = options.InitialTemperature > 0
            ? (options.InitialTemperature, options.FinalTemperature)
            : AutoTemperatures(timetable, options.Seed, settings);
        var optimisation = engine.Run(timetable, options with
        {
            Seed = options.Seed + 1,
            InitialTemperature = initial,
            FinalTemperature = final,
            MaxIterations = options.MaxIterations - iterationsUsed,
            TimeLimit = options.TimeLimit - clock.Elapsed,
            Target = options.Target ?? Score.Zero,
        }, cancellationToken, progress);
        firstFeasible ??= optimisation.TimeToFirstFeasible is { } f ? clock.Elapsed - optimisation.Elapsed + f : null;
        var search = optimisation with
        {
            Iterations = optimisation.Iterations + iterationsUsed,
            Elapsed = clock.Elapsed,
            TimeToFirstFeasible = firstFeasible,
        };
        return new Itc2007Result(timetable.ToSolution(), search, initial);
    }

    /// <summary>
    /// Instances differ a lot in cost scale (comp05's moves change cost by tens, comp01's by ones), so the
    /// start temperature is the median cost increase of sampled clash-free uphill moves; the end is 1/40 of it.
    /// </summary>
    public static (double Initial, double Final) AutoTemperatures(Itc2007Timetable timetable, long seed) =>
        AutoTemperatures(timetable, seed, Itc2007SolverSettings.Default);

    public static (double Initial, double Final) AutoTemperatures(Itc2007Timetable timetable, long seed, Itc2007SolverSettings settings)
    {
        var random = new SplitMix64(seed ^ 0x5eed);
        var uphill = new List<long>();
        for (var i = 0; i < 5_000; i++)
        {
            if (!timetable.TryApplyRandomMove(random, out var delta))
                continue;
            if (delta.Hard == 0 && delta.Soft > 0)
                uphill.Add(delta.Soft);
            timetable.UndoLastMove();
        }

        if (uphill.Count == 0)
            return (1, 0.05);
        uphill.Sort();
        var initial = Math.Max(1, uphill[uphill.Count / 2]) * settings.StartTemperatureFactor;
        return (initial, initial * settings.EndTemperatureRatio);
    }
}
