namespace OrleansTraining.Grains.Cycles;

/// <summary>How long the engine searches: each step multiplies the standard run's iterations by ten.</summary>
[GenerateSerializer, Alias("ot.PlanningEffort")]
public enum PlanningEffort
{
    Standard,
    Thorough,
    Exhaustive,
}

[GenerateSerializer, Alias("ot.PlanningRunStatus")]
public enum PlanningRunStatus
{
    /// <summary>The engine is searching.</summary>
    Running,

    /// <summary>The engine is done and its plan is being recorded.</summary>
    Applying,

    /// <summary>The plan was recorded; <see cref="PlanningRunView.Result"/> says what it placed.</summary>
    Completed,

    /// <summary>Stopped by the board; nothing was applied.</summary>
    Cancelled,

    /// <summary>The cycle changed while the engine worked (courses, hosts, lecturers or the plan); nothing was applied.</summary>
    Superseded,

    /// <summary>The engine or the recording failed; nothing was applied. <see cref="PlanningRunView.Message"/> says why.</summary>
    Failed,
}

/// <summary>
/// A planning run as the board follows it: progress is the share of the iteration budget already searched.
/// <paramref name="Restarts"/> counts how often the run started again from the beginning because the node running it stopped.
/// </summary>
[GenerateSerializer, Immutable, Alias("ot.PlanningRunView")]
public sealed record PlanningRunView(
    string RunId,
    PlanningEffort Effort,
    PlanningRunStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    long Iterations,
    long MaxIterations,
    PlanScore? Best,
    PlanResult? Result,
    string? Message,
    int Restarts = 0)
{
    public double Progress => MaxIterations <= 0 ? 0 : Math.Min(1.0, (double)Iterations / MaxIterations);

    public bool IsRunning => Status is PlanningRunStatus.Running or PlanningRunStatus.Applying;
}
