namespace OrleansTraining.Planner.Search;

public sealed record SearchResult(
    Score Best,
    long Iterations,
    TimeSpan Elapsed,
    TimeSpan? TimeToFirstFeasible,
    SearchStopReason StopReason);

public enum SearchStopReason
{
    IterationLimit,
    TimeLimit,
    Cancelled,
    TargetReached,
    Stalled,
}
