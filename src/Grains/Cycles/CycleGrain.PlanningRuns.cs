using Microsoft.Extensions.Logging;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Planning;
using Engine = OrleansTraining.Planner.Cycle;

namespace OrleansTraining.Grains.Cycles;

/// <summary>
/// Planning runs that report progress and can be cancelled. The engine works on the thread pool on an immutable problem,
/// outside the cycle's turn, so the board can follow and cancel it; the result comes back to the cycle as a call of its
/// own and is applied only if the problem is still the one the run started from. The run under way is stored with the
/// cycle (<see cref="CycleState.ActiveRun"/>): if its node stops, the next activation (on any node, woken by the run's
/// reminder if nobody asks) starts it again from the beginning, and the deterministic engine finds the same plan. Once
/// the engine has its plan, the plan is stored with the run (<see cref="PlanRecording"/>) and delivered to the courses
/// until all have it; from then on the run is not searched again and cannot be cancelled.
/// </summary>
public sealed partial class CycleGrain
{
    /// <summary>Often enough for a progress bar polled every second.</summary>
    private static readonly TimeSpan RunProgressInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>A run is looked after at least this often: kept alive (an idle cycle would be collected mid-run) and recorded if its own call back failed.</summary>
    private static readonly TimeSpan RunWatch = TimeSpan.FromSeconds(30);

    private const string PlanningRunReminder = "planning-run";

    /// <summary>A run whose node stopped this many times is given up rather than started yet again.</summary>
    internal const int MaxRunStarts = 3;

    private PlanningRun? _run;
    private IGrainTimer? _runWatch;

    public async Task<PlanningRunView> StartPlanningRunAsync(PlanningEffort effort)
    {
        if (!Enum.IsDefined(effort))
        {
            throw new DomainValidationException("effort", $"'effort' must be one of {string.Join(", ", Enum.GetNames<PlanningEffort>())}.");
        }

        await EnsureNoActiveRunAsync();
        var input = await PreparePlanAsync();
        var maxIterations = PlanIterations * effort switch
        {
            PlanningEffort.Thorough => 10,
            PlanningEffort.Exhaustive => 100,
            _ => 1,
        };
        var record = new PlanningRunRecord(Guid.NewGuid().ToString("N")[..12], effort, time.GetUtcNow(), maxIterations, ProblemDigest.Of(input.Problem), Starts: 1);
        // The durable wake-up exists before the run it looks after; it removes itself once no run is stored.
        await this.RegisterOrUpdateReminder(PlanningRunReminder, FollowUpOutbox.ReminderPeriod, FollowUpOutbox.ReminderPeriod);
        await state.UpdateAsync(s => s with { ActiveRun = record });
        var run = Launch(record, input);
        LogRunStarted(logger, Id, record.RunId, effort, maxIterations);
        return run.View();
    }

    public async Task<PlanningRunView?> GetPlanningRunAsync()
    {
        await ResumePlanningRunAsync();
        // The engine's own call back normally records the result; a poll that finds it done but unrecorded records it too.
        if (_run is { AwaitsRecording: true } run)
        {
            await ApplyPlanningRunAsync(run.Id);
        }

        return _run?.View();
    }

    public async Task<PlanningRunView> CancelPlanningRunAsync()
    {
        if (state.State.ActiveRun is { } stored && _run?.Id != stored.RunId)
        {
            _run = new PlanningRun(stored); // its node stopped before anyone started it again: cancelled as it is
        }

        var run = _run ?? throw new NotFoundException("planning run", Id);
        if (run is { Status: PlanningRunStatus.Running, IsRecording: true })
        {
            throw new ConflictException(ConflictRules.PlanningRunActive, "The run's plan is being recorded in its courses; it can no longer be cancelled.");
        }

        if (run.Status == PlanningRunStatus.Running)
        {
            run.Cancellation.Cancel();
            run.End(PlanningRunStatus.Cancelled, time.GetUtcNow(), "Cancelled by the board; nothing was applied.");
            LogRunEnded(logger, Id, run.Id, PlanningRunStatus.Cancelled);
        }

        await ForgetRunAsync(run.Id);
        return run.View();
    }

    public async Task ApplyPlanningRunAsync(string runId)
    {
        if (_run is not { AwaitsRecording: true } run || run.Id != runId)
        {
            return; // an older run, a cancelled one, one still searching or one already recorded
        }

        if (run.IsRecording)
        {
            await FinishRecordingAsync(run);
            return;
        }

        if (run.Error is { } error)
        {
            run.End(PlanningRunStatus.Failed, time.GetUtcNow(), $"The planning engine failed: {error.Message}");
            LogRunFailed(logger, error, Id, run.Id);
            await ForgetRunAsync(run.Id);
            return;
        }

        try
        {
            var input = await PreparePlanAsync();
            if (ProblemDigest.Of(input.Problem) == run.Record.ProblemDigest)
            {
                // From here the plan is the cycle's: stored with the run in the same write, then delivered until every course has it.
                run.Recording(await RecordPlanAsync(input.Snapshot, ProposalsOf(input.Snapshot, run.Planned!), run.Record));
                await FinishRecordingAsync(run);
                return;
            }

            run.End(PlanningRunStatus.Superseded, time.GetUtcNow(), "The cycle changed while the engine worked; nothing was applied. Start the run again.");
        }
        catch (DomainException refused)
        {
            // e.g. the cycle was closed meanwhile: the rule that refuses planning now refuses this run's result too.
            run.End(PlanningRunStatus.Superseded, time.GetUtcNow(), refused.Message);
        }
        catch (Exception failure)
        {
            // The plan could not be stored (storage unreachable): nothing of it was recorded; the board sees it and plans again.
            run.End(PlanningRunStatus.Failed, time.GetUtcNow(), $"The plan could not be recorded: {failure.Message}. Start the run again.");
            LogRunFailed(logger, failure, Id, run.Id);
            await ForgetRunAsync(run.Id);
            return;
        }

        LogRunEnded(logger, Id, run.Id, run.Status);
        await ForgetRunAsync(run.Id);
    }

    /// <summary>
    /// Delivers the run's stored plan to its courses and ends the run. If a course cannot be reached the run stays
    /// <see cref="PlanningRunStatus.Applying"/>, stored, and is delivered again by its timer, its reminder or the next look.
    /// </summary>
    private async Task FinishRecordingAsync(PlanningRun run)
    {
        var recording = run.Record.Recording!;
        var result = recording.Result;
        try
        {
            var refusals = await DeliverPlanAsync(recording, skipRefused: true);
            if (!refusals.IsEmpty)
            {
                // Not only logged: the board sees each refusal among the plan's issues, and the counts leave those courses out.
                await state.UpdateAsync(s => s with { PlanIssues = s.PlanIssues.AddRange(refusals.Except(s.PlanIssues)) });
                var refused = refusals.Select(i => i.CourseId).ToHashSet(StringComparer.Ordinal);
                result = Summary(result.Status, recording.Schedules.Where(c => !refused.Contains(c.CourseId)), result.Issues.AddRange(refusals));
            }
        }
        catch (Exception failure)
        {
            LogRecordingDeferred(logger, failure, Id, run.Id);
            WatchRun();
            return;
        }

        run.End(PlanningRunStatus.Completed, time.GetUtcNow(), null, result);
        LogRunEnded(logger, Id, run.Id, run.Status);
        await ForgetRunAsync(run.Id);
    }

    /// <summary>The quick plan and a run would overwrite each other's result: one at a time (a stored run counts, once started again).</summary>
    private async Task EnsureNoActiveRunAsync()
    {
        await ResumePlanningRunAsync();
        if (_run is { Status: PlanningRunStatus.Running })
        {
            throw new ConflictException(ConflictRules.PlanningRunActive, "A planning run is under way for this cycle; wait for it or cancel it first.");
        }
    }

    /// <summary>Starts the engine for a stored run in this activation, watched until it ends.</summary>
    private PlanningRun Launch(PlanningRunRecord record, PlanInput input)
    {
        var settings = input.Settings with { MaxIterations = record.MaxIterations, ProgressInterval = RunProgressInterval };
        var run = new PlanningRun(record);
        _run = run;
        var self = this.AsReference<ICyclePlanningRuns>();
        // Task.Run leaves Orleans' scheduler: the run holds no turn, and its result comes back as an ordinary call.
        var cycleId = Id;
        _ = Task.Run(() => RunEngineAsync(cycleId, run, input.Problem, settings, self));
        WatchRun();
        return run;
    }

    private void WatchRun() =>
        _runWatch ??= this.RegisterGrainTimer(_ => WatchRunAsync(), new GrainTimerCreationOptions(RunWatch, RunWatch) { KeepAlive = true });

    /// <summary>
    /// The stored run, if this activation does not have it (its node stopped, or the activation was collected): started
    /// again when the cycle would still plan the same problem, else ended with nothing applied. Also removes the record of a
    /// run that ended while its removal failed.
    /// </summary>
    private async Task ResumePlanningRunAsync()
    {
        if (!state.RecordExists || state.State.ActiveRun is not { } stored)
        {
            return;
        }

        if (_run?.Id == stored.RunId)
        {
            if (_run.Status != PlanningRunStatus.Running)
            {
                await ForgetRunAsync(stored.RunId);
            }

            return;
        }

        if (stored.Recording is not null)
        {
            // Its node stopped while recording the plan: the plan is stored, so it is delivered (by the caller, or the
            // run's timer), not searched for again.
            _run = new PlanningRun(stored);
            WatchRun();
            return;
        }

        if (stored.Starts >= MaxRunStarts)
        {
            await EndStoredRunAsync(stored, PlanningRunStatus.Failed, $"The run was started {stored.Starts} times and its node stopped each time; nothing was applied. Start it again.");
            return;
        }

        PlanInput input;
        try
        {
            input = await PreparePlanAsync();
        }
        catch (DomainException refused)
        {
            await EndStoredRunAsync(stored, PlanningRunStatus.Superseded, $"The node running this run stopped, and the cycle can no longer be planned: {refused.Message}");
            return;
        }

        if (ProblemDigest.Of(input.Problem) != stored.ProblemDigest)
        {
            // Changed by someone else meanwhile (the run's own plan, once recording, is stored with it and handled above).
            await EndStoredRunAsync(stored, PlanningRunStatus.Superseded, "The node running this run stopped, and the cycle has changed since the run began; it was not started again. Look at the plan, and start a new run if it needs one.");
            return;
        }

        var resumed = stored with { Starts = stored.Starts + 1 };
        await state.UpdateAsync(s => s.ActiveRun?.RunId == resumed.RunId ? s with { ActiveRun = resumed } : s);
        Launch(resumed, input);
        LogRunResumed(logger, Id, resumed.RunId, resumed.Starts);
    }

    private async Task EndStoredRunAsync(PlanningRunRecord stored, PlanningRunStatus status, string message)
    {
        var run = new PlanningRun(stored);
        run.End(status, time.GetUtcNow(), message);
        _run = run;
        LogRunEnded(logger, Id, run.Id, status);
        await ForgetRunAsync(run.Id);
    }

    /// <summary>The run has ended: its record leaves the state, then its reminder (which would also remove itself on its next tick).</summary>
    private async Task ForgetRunAsync(string runId)
    {
        if (state.State.ActiveRun?.RunId == runId)
        {
            await state.UpdateAsync(s => s.ActiveRun?.RunId == runId ? s with { ActiveRun = null } : s);
        }

        _runWatch?.Dispose();
        _runWatch = null;
        try
        {
            await this.UnregisterIfPresentAsync(PlanningRunReminder);
        }
        catch (Exception failure)
        {
            LogRunReminderKept(logger, failure, Id, runId);
        }
    }

    /// <summary>The run's timer: keeps the activation while the engine works, and records a run its own call back could not.</summary>
    private async Task WatchRunAsync()
    {
        if (_run is { AwaitsRecording: true } done)
        {
            await ApplyPlanningRunAsync(done.Id);
        }
        else if (_run is not { Status: PlanningRunStatus.Running })
        {
            _runWatch?.Dispose();
            _runWatch = null;
        }
    }

    private async Task OnPlanningRunReminderAsync()
    {
        if (!state.RecordExists || state.State.ActiveRun is null)
        {
            await this.UnregisterIfPresentAsync(PlanningRunReminder);
            return;
        }

        await ResumePlanningRunAsync();
        await WatchRunAsync();
    }

    /// <summary>An activation that finds a stored run starts it again at once, in a turn of its own, rather than at the next look.</summary>
    private void ResumeStoredRunAfterActivation()
    {
        if (state.RecordExists && state.State.ActiveRun is not null)
        {
            this.RegisterGrainTimer(async _ =>
            {
                await ResumePlanningRunAsync();
                await WatchRunAsync();
            }, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        }
    }

    /// <summary>The activation is going: its engine stops with it, and the stored run is started again by the next one.</summary>
    private void StopEngineOnDeactivation()
    {
        if (_run is { Status: PlanningRunStatus.Running } run)
        {
            run.Cancellation.Cancel();
        }
    }

    private async Task RunEngineAsync(string cycleId, PlanningRun run, Engine.CycleProblem problem, Engine.PlannerSettings settings, ICyclePlanningRuns self)
    {
        try
        {
            var planned = new Engine.CyclePlanner().Plan(problem, settings, run.Cancellation.Token, run);
            if (planned.Search.StopReason == Planner.Search.SearchStopReason.Cancelled)
            {
                return; // the cancel already ended the run
            }

            run.EngineSucceeded(planned);
        }
        catch (Exception error)
        {
            run.EngineFailed(error);
        }

        try
        {
            await self.ApplyPlanningRunAsync(run.Id);
        }
        catch (Exception failure)
        {
            // Not dropped: the run stays done-but-unrecorded; the run's timer, or the board's next look at it, records it.
            LogRunApplyDeferred(logger, failure, cycleId, run.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cycle {CycleId} planning run {RunId} started ({Effort}, {Iterations} iterations)")]
    private static partial void LogRunStarted(ILogger logger, string cycleId, string runId, PlanningEffort effort, long iterations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cycle {CycleId} planning run {RunId} ended: {Status}")]
    private static partial void LogRunEnded(ILogger logger, string cycleId, string runId, PlanningRunStatus status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cycle {CycleId} planning run {RunId} failed")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, string cycleId, string runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cycle {CycleId} planning run {RunId} started again (start {Starts}): the activation running it was lost")]
    private static partial void LogRunResumed(ILogger logger, string cycleId, string runId, int starts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cycle {CycleId} planning run {RunId} ended; its reminder stays until its next tick removes it")]
    private static partial void LogRunReminderKept(ILogger logger, Exception exception, string cycleId, string runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cycle {CycleId} planning run {RunId}: its plan is stored and some courses could not be reached; it is delivered again shortly")]
    private static partial void LogRecordingDeferred(ILogger logger, Exception exception, string cycleId, string runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cycle {CycleId} planning run {RunId} done; recording it waits for the next look at the run")]
    private static partial void LogRunApplyDeferred(ILogger logger, Exception exception, string cycleId, string runId);
}
