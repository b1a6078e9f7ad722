using System.Diagnostics;
using OrleansTraining.Planner.Search;

namespace OrleansTraining.Planner.Itc2007;

public sealed record Itc2007Result(Itc2007Solution Solution, SearchResult Search);

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
        IProgress<SearchProgress>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var timetable = new Itc2007Timetable(instance);
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

        var optimisation = engine.Run(timetable, options with
        {
            Seed = options.Seed + 1,
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
        return new Itc2007Result(timetable.ToSolution(), search);
    }
}
