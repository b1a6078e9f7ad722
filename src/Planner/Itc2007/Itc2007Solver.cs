using OrleansTraining.Planner.Search;

namespace OrleansTraining.Planner.Itc2007;

public sealed record Itc2007Result(Itc2007Solution Solution, SearchResult Search);

/// <summary>Greedy construction then simulated annealing, on the shared engine.</summary>
public static class Itc2007Solver
{
    public static Itc2007Result Solve(
        Itc2007Instance instance,
        SearchOptions options,
        CancellationToken cancellationToken = default,
        IProgress<SearchProgress>? progress = null)
    {
        var timetable = new Itc2007Timetable(instance);
        timetable.Construct(options.Seed);
        var search = new SimulatedAnnealing().Run(timetable, options with { Target = options.Target ?? Score.Zero }, cancellationToken, progress);
        return new Itc2007Result(timetable.ToSolution(), search);
    }
}
