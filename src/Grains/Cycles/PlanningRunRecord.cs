namespace OrleansTraining.Grains.Cycles;

/// <summary>
/// A planning run under way, as the cycle stores it: written when the run starts and removed when it ends, so a run whose
/// node stopped is found by the next activation and started again. The engine is deterministic (same problem, seed and
/// budget, same plan), so starting again from the beginning loses only time.
/// </summary>
/// <param name="Starts">How many times the engine was started for this run (1 at first; each resume adds one).</param>
/// <param name="Recording">The run's plan once the engine has found it, until it is recorded in every course.</param>
[GenerateSerializer, Immutable, Alias("ot.PlanningRunRecord")]
public sealed record PlanningRunRecord(
    string RunId,
    PlanningEffort Effort,
    DateTimeOffset StartedAt,
    long MaxIterations,
    string ProblemDigest,
    int Starts,
    PlanRecording? Recording = null);
