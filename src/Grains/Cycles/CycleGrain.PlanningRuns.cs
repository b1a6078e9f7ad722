using Microsoft.Extensions.Logging;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Planning;
using Engine = OrleansTraining.Planner.Cycle;

namespace OrleansTraining.Grains.Cycles;

/// <summary>
/// Planning runs that report progress and can be cancelled. The engine works on the thread pool on an immutable problem,
/// outside the cycle's turn, so the board can follow and cancel it; the result comes back to the cycle as a call of its
/// own and is applied only if the problem is still the one the run started from. A run lives in the activation: if the
/// node stops, it is gone with nothing applied, and the board starts it again.
/// </summary>
public sealed partial class CycleGrain
{
    /// <summary>Often enough for a progress bar polled every second.</summary>
    private static readonly TimeSpan RunProgressInterval = TimeSpan.FromMilliseconds(200);

    private PlanningRun? _run;

    public async Task<PlanningRunView> StartPlanningRunAsync(PlanningEffort effort)
    {
        if (!Enum.IsDefined(effort))
        {
            throw new DomainValidationException("effort", $"'effort' must be one of {string.Join(", ", Enum.GetNames<PlanningEffort>())}.");
        }

        EnsureNoActiveRun();
        var input = await PreparePlanAsync();
        var maxIterations = PlanIterations * effort switch
        {
            PlanningEffort.Thorough => 10,
            PlanningEffort.Exhaustive => 100,
            _ => 1,
        };
        var settings = input.Settings with { MaxIterations = maxIterations, ProgressInterval = RunProgressInterval };
        var runId = Guid.NewGuid().ToString("N")[..12];
        var run = new PlanningRun(runId, effort, time.GetUtcNow(), maxIterations, ProblemDigest.Of(input.Problem));
        _run = run;
        var self = this.AsReference<ICyclePlanningRuns>();
        // Task.Run leaves Orleans' scheduler: the run holds no turn, and its result comes back as an ordinary call.
        var cycleId = Id;
        _ = Task.Run(() => RunEngineAsync(cycleId, run, input.Problem, settings, self));
        LogRunStarted(logger, Id, runId, effort, maxIterations);
        return run.View();
    }

    public async Task<PlanningRunView?> GetPlanningRunAsync()
    {
        // The engine's own call back normally records the result; a poll that finds it done but unrecorded records it too.
        if (_run is { Status: PlanningRunStatus.Running, EngineDone: true } run)
        {
            await ApplyPlanningRunAsync(run.Id);
        }

        return _run?.View();
    }

    public Task<PlanningRunView> CancelPlanningRunAsync()
    {
        var run = _run ?? throw new NotFoundException("planning run", Id);
        if (run.Status == PlanningRunStatus.Running)
        {
            run.Cancellation.Cancel();
            run.End(PlanningRunStatus.Cancelled, time.GetUtcNow(), "Cancelled by the board; nothing was applied.");
            LogRunEnded(logger, Id, run.Id, PlanningRunStatus.Cancelled);
        }

        return Task.FromResult(run.View());
    }

    public async Task ApplyPlanningRunAsync(string runId)
    {
        if (_run is not { Status: PlanningRunStatus.Running, EngineDone: true } run || run.Id != runId)
        {
            return; // an older run, a cancelled one, or one already recorded
        }

        if (run.Error is { } error)
        {
            run.End(PlanningRunStatus.Failed, time.GetUtcNow(), $"The planning engine failed: {error.Message}");
            LogRunFailed(logger, error, Id, run.Id);
            return;
        }

        try
        {
            var input = await PreparePlanAsync();
            if (ProblemDigest.Of(input.Problem) != run.ProblemDigest)
            {
                run.End(PlanningRunStatus.Superseded, time.GetUtcNow(), "The cycle changed while the engine worked; nothing was applied. Start the run again.");
            }
            else
            {
                var result = await ApplyPlannedAsync(input.Snapshot, run.Planned!);
                run.End(PlanningRunStatus.Completed, time.GetUtcNow(), null, result);
            }
        }
        catch (DomainException refused)
        {
            // e.g. the cycle was closed meanwhile: the rule that refuses planning now refuses this run's result too.
            run.End(PlanningRunStatus.Superseded, time.GetUtcNow(), refused.Message);
        }
        catch (Exception failure)
        {
            // Recording failed part-way (storage, a course unreachable): the board sees it and plans again, which
            // re-applies the whole plan; nothing of the run is silently dropped.
            run.End(PlanningRunStatus.Failed, time.GetUtcNow(), $"The plan could not be recorded: {failure.Message}. Start the run again.");
            LogRunFailed(logger, failure, Id, run.Id);
            return;
        }

        LogRunEnded(logger, Id, run.Id, run.Status);
    }

    /// <summary>The quick plan and a run would overwrite each other's result: one at a time.</summary>
    private void EnsureNoActiveRun()
    {
        if (_run is { Status: PlanningRunStatus.Running })
        {
            throw new ConflictException(ConflictRules.PlanningRunActive, "A planning run is under way for this cycle; wait for it or cancel it first.");
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
            // Not dropped: the run stays done-but-unrecorded, and the board's next look at it records it.
            LogRunApplyDeferred(logger, failure, cycleId, run.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cycle {CycleId} planning run {RunId} started ({Effort}, {Iterations} iterations)")]
    private static partial void LogRunStarted(ILogger logger, string cycleId, string runId, PlanningEffort effort, long iterations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cycle {CycleId} planning run {RunId} ended: {Status}")]
    private static partial void LogRunEnded(ILogger logger, string cycleId, string runId, PlanningRunStatus status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cycle {CycleId} planning run {RunId} failed")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, string cycleId, string runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cycle {CycleId} planning run {RunId} done; recording it waits for the next look at the run")]
    private static partial void LogRunApplyDeferred(ILogger logger, Exception exception, string cycleId, string runId);
}
