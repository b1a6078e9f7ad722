namespace OrleansTraining.Planner.Search;

public sealed record SearchProgress(Score Best, Score Current, TimeSpan Elapsed, long Iterations);
