namespace OrleansTraining.Grains.Cycles;

/// <summary>
/// A planning run that reports its progress and can be cancelled (part of <see cref="ICycleGrain"/>). The engine runs off
/// the cycle's turn on a snapshot of the cycle, so the cycle keeps answering while it works; its result is applied in a
/// turn of its own, and only if nothing the plan depends on changed meanwhile.
/// </summary>
[Alias("ot.ICyclePlanningRuns")]
public interface ICyclePlanningRuns : IGrain
{
    /// <summary>Starts a run with the given effort; one run at a time per cycle (a second start while one runs is a conflict).</summary>
    Task<PlanningRunView> StartPlanningRunAsync(PlanningEffort effort);

    /// <summary>
    /// The current or last run; null when none was started. A run under way whose node stopped is started again from the
    /// beginning first (its <see cref="PlanningRunView.Restarts"/> says how often).
    /// </summary>
    Task<PlanningRunView?> GetPlanningRunAsync();

    /// <summary>Stops the running run; nothing of it is applied. Cancelling a run that has ended changes nothing.</summary>
    Task<PlanningRunView> CancelPlanningRunAsync();

    /// <summary>Applies a finished run's result; the run calls it on its own cycle once the engine is done. Idempotent.</summary>
    Task ApplyPlanningRunAsync(string runId);
}
