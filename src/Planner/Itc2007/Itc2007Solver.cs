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
            (iterationsUsed, firstFeasible) = SeekFeasibility(timetable, engine, options, settings, clock, cancellationToken, progress);
        }

        var (initial, final) = options.InitialTemperature > 0
            ? (options.InitialTemperature, options.FinalTemperature)
            : AutoTemperatures(timetable, options.Seed, settings);
        var anneal = options with
        {
            Seed = options.Seed + 1,
            InitialTemperature = initial,
            FinalTemperature = final,
            MaxIterations = options.MaxIterations - iterationsUsed,
            TimeLimit = options.TimeLimit - clock.Elapsed,
            Target = options.Target ?? Score.Zero,
            RestartFromBestAfter = options.RestartFromBestAfter ?? settings.RestartFromBestAfter,
        };
        var optimisation = Anneal(timetable, engine, anneal, settings, clock, cancellationToken, progress, ref iterationsUsed, ref firstFeasible);
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
    /// The optimisation phase: one anneal over the budget, or (with <see cref="Itc2007SolverSettings.AnnealShares"/>) a
    /// complete anneal on each share in turn, each after the first starting again from the best timetable at
    /// <see cref="Itc2007SolverSettings.ReheatFactor"/> × the start temperature, the last on what the budget has left. A
    /// good timetable then exists after the first share instead of only near the end of the budget.
    /// </summary>
    private static SearchResult Anneal(
        Itc2007Timetable timetable,
        SimulatedAnnealing engine,
        SearchOptions anneal,
        Itc2007SolverSettings settings,
        Stopwatch clock,
        CancellationToken cancellationToken,
        IProgress<SearchProgress>? progress,
        ref long iterationsUsed,
        ref TimeSpan? firstFeasible)
    {
        var (iterations, time) = (anneal.MaxIterations, anneal.TimeLimit);
        var (iterationsStart, timeStart) = (iterationsUsed, clock.Elapsed);
        var shares = settings.AnnealShares;
        for (var stage = 0; stage < shares.Length; stage++)
        {
            var stageOptions = stage == 0 ? anneal : anneal with
            {
                Seed = anneal.Seed + 7919 * stage,
                InitialTemperature = anneal.InitialTemperature * settings.ReheatFactor,
            };
            var result = engine.Run(timetable, stageOptions with
            {
                MaxIterations = (long?)(iterations * shares[stage]),
                TimeLimit = time * shares[stage],
            }, cancellationToken, progress);
            iterationsUsed += result.Iterations;
            firstFeasible ??= result.TimeToFirstFeasible is { } f ? clock.Elapsed - result.Elapsed + f : null;
            if (result.StopReason is SearchStopReason.TargetReached or SearchStopReason.Cancelled)
                return result with { Iterations = 0 };
        }

        return engine.Run(timetable, anneal with
        {
            Seed = anneal.Seed + 7919 * shares.Length,
            InitialTemperature = anneal.InitialTemperature * (shares.Length > 0 ? settings.ReheatFactor : 1),
            MaxIterations = iterations - (iterationsUsed - iterationsStart),
            TimeLimit = time - (clock.Elapsed - timeStart),
        }, cancellationToken, progress);
    }

    /// <summary>
    /// Feasibility phase: soft cost ignored, low temperature on clash counts, within a quarter of the budget.
    /// With <see cref="Itc2007SolverSettings.FeasibilityRoundIterations"/> it anneals in rounds of that many
    /// iterations (each cooling fully, so the time to feasible does not grow with the budget), else once over the quarter.
    /// </summary>
    private static (long Iterations, TimeSpan? FirstFeasible) SeekFeasibility(
        Itc2007Timetable timetable,
        SimulatedAnnealing engine,
        SearchOptions options,
        Itc2007SolverSettings settings,
        Stopwatch clock,
        CancellationToken cancellationToken,
        IProgress<SearchProgress>? progress)
    {
        var phase = options with
        {
            MaxIterations = options.MaxIterations / 4,
            TimeLimit = options.TimeLimit / 4,
            HardWeight = 1,
            SoftWeight = 0,
            InitialTemperature = 0.5,
            FinalTemperature = 0.05,
            StopWhenFeasible = true,
            Target = null,
            RestartFromBestAfter = null,
        };
        long used = 0;
        for (var round = 0; ; round++)
        {
            var maxIterations = phase.MaxIterations - used;
            var timeLeft = phase.TimeLimit - clock.Elapsed;
            if (maxIterations <= 0 || timeLeft <= TimeSpan.Zero)
                return (used, null);
            if (settings.FeasibilityRoundIterations is { } chunk)
                maxIterations = maxIterations is { } m ? Math.Min(m, chunk) : chunk;
            var result = engine.Run(timetable, phase with
            {
                Seed = options.Seed + 7919 * round,
                MaxIterations = maxIterations,
                TimeLimit = timeLeft,
            }, cancellationToken, progress);
            used += result.Iterations;
            if (result.TimeToFirstFeasible is { } t)
                return (used, clock.Elapsed - result.Elapsed + t);
            if (settings.FeasibilityRoundIterations is null || result.StopReason != SearchStopReason.IterationLimit)
                return (used, null);
        }
    }

    /// <summary>
    /// Instances differ a lot in cost scale (comp05's moves change cost by tens, comp01's by ones), so the
    /// start temperature is the median cost increase of sampled clash-free uphill moves (times
    /// <see cref="Itc2007SolverSettings.StartTemperatureFactor"/>); the end is <see cref="Itc2007SolverSettings.EndTemperatureRatio"/> of it.
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
