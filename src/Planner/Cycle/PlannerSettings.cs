namespace OrleansTraining.Planner.Cycle;

/// <summary>Seed and budget. With MaxIterations set the result depends only on (problem, settings).</summary>
public sealed record PlannerSettings
{
    public long Seed { get; init; } = 1;
    public TimeSpan? TimeLimit { get; init; } = TimeSpan.FromSeconds(5);
    public long? MaxIterations { get; init; }
    public PlannerWeights Weights { get; init; } = PlannerWeights.Default;

    /// <summary>Stop at the first plan without hard violations (for time-to-feasible measurements).</summary>
    public bool StopWhenFeasible { get; init; }

    /// <summary>How often a run reports its progress (elapsed time; the plan does not depend on it).</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(1);
}
