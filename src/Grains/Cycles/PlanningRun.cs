using OrleansTraining.Planner.Search;
using Engine = OrleansTraining.Planner.Cycle;

namespace OrleansTraining.Grains.Cycles;

/// <summary>
/// One planning run in the cycle's activation. The engine's thread writes only the progress and the outcome (through
/// volatile fields); the status changes only in the cycle's turns, so a cancel and an apply never race.
/// </summary>
internal sealed class PlanningRun(PlanningRunRecord record) : IProgress<SearchProgress>
{
    private volatile SearchProgress? _progress;
    private volatile Engine.PlanResult? _planned;
    private volatile Exception? _error;

    public string Id => Record.RunId;

    /// <summary>The run as stored; it gains the plan's recording once the engine's plan is taken up.</summary>
    public PlanningRunRecord Record { get; private set; } = record;

    /// <summary>The plan is stored and is being delivered to the courses (also by an activation that never ran the engine).</summary>
    public bool IsRecording => Record.Recording is not null;

    /// <summary>Still running, with a plan to record: the engine's, or a stored one being delivered.</summary>
    public bool AwaitsRecording => Status == PlanningRunStatus.Running && Searched;

    /// <summary>The search is over: the engine ended here, or the plan it found is stored.</summary>
    private bool Searched => EngineDone || IsRecording;

    public CancellationTokenSource Cancellation { get; } = new();

    public PlanningRunStatus Status { get; private set; } = PlanningRunStatus.Running;

    /// <summary>The engine has ended (with a plan or an error); what remains is to record it in a turn.</summary>
    public bool EngineDone => _planned is not null || _error is not null;

    public Engine.PlanResult? Planned => _planned;

    public Exception? Error => _error;

    private DateTimeOffset? EndedAt { get; set; }

    private PlanResult? Result { get; set; }

    private string? Message { get; set; }

    public void Report(SearchProgress value) => _progress = value;

    public void EngineSucceeded(Engine.PlanResult planned) => _planned = planned;

    public void EngineFailed(Exception error) => _error = error;

    public void Recording(PlanRecording recording) => Record = Record with { Recording = recording };

    public void End(PlanningRunStatus status, DateTimeOffset at, string? message, PlanResult? result = null)
    {
        Status = status;
        EndedAt = at;
        Message = message;
        Result = result;
    }

    public PlanningRunView View()
    {
        var progress = _progress;
        var status = Status == PlanningRunStatus.Running && Searched ? PlanningRunStatus.Applying : Status;
        var iterations = Searched && status is PlanningRunStatus.Completed or PlanningRunStatus.Superseded ? Record.MaxIterations : progress?.Iterations ?? 0;
        var best = progress?.Best is { } score ? new PlanScore(score.Hard, score.Soft, score.IsFeasible) : null;
        return new PlanningRunView(
            Id, Record.Effort, status, Record.StartedAt, EndedAt, iterations, Record.MaxIterations, best, Result, Message, Record.Starts - 1);
    }
}
