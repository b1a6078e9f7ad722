namespace OrleansTraining.Planner.Search;

/// <summary>
/// Budget and annealing schedule. With <see cref="MaxIterations"/> the schedule follows the iteration
/// count only, so the same seed gives the same result whatever the machine speed; <see cref="TimeLimit"/>
/// then only cuts the run short. With a time limit alone the schedule follows elapsed time.
/// </summary>
public sealed record SearchOptions
{
    public long Seed { get; init; }
    public TimeSpan? TimeLimit { get; init; }
    public long? MaxIterations { get; init; }

    /// <summary>Temperature (in soft-cost units) at the start and the end of the run.</summary>
    public double InitialTemperature { get; init; } = 2.0;
    public double FinalTemperature { get; init; } = 0.05;

    /// <summary>How many soft units one hard violation is worth during the search (final scores stay lexicographic).</summary>
    public long HardWeight { get; init; } = 1000;

    /// <summary>Scale of soft cost in the acceptance test; 0 searches for feasibility alone.</summary>
    public long SoftWeight { get; init; } = 1;

    /// <summary>Stop as soon as the best solution is feasible (used for time-to-first-feasible).</summary>
    public bool StopWhenFeasible { get; init; }

    /// <summary>Stop when the score reaches this value or better.</summary>
    public Score? Target { get; init; }

    /// <summary>Stop once the best score is feasible and has not improved for this many iterations (deterministic).</summary>
    public long? StallIterations { get; init; }

    /// <summary>
    /// Go back to the best solution when it has not improved for this many iterations (again every so many
    /// iterations while it does not); the schedule's temperature carries on. Null (the default) never does.
    /// </summary>
    public long? RestartFromBestAfter { get; init; }

    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(1);
}
