using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrleansTraining.Grains.Common.Audit;

/// <summary>
/// Moves an audited grain's pending audit entries from its state into the <see cref="IAuditLog"/>, like an outbox: at
/// once (right after the call) when a write leaves <see cref="AuditLogOptions.BatchSize"/> or more pending, else
/// <see cref="AuditLogOptions.QuietDelay"/> after the last write, and on deactivation; all on one activation grain
/// timer, so appends never interleave with the grain's calls. Appends are idempotent on (grain, sequence). What the
/// log has leaves the state at the next write (<see cref="AuditTrail.Record{TState}"/> reads
/// <see cref="LoggedThrough"/>); a failed append leaves the entries pending and is tried again later, and never
/// refuses a change. One per activation (<see cref="For"/>); what an earlier one left pending goes on its first call.
/// </summary>
internal sealed partial class AuditFeed
{
    private readonly Grain _grain;
    private readonly Func<IAuditedState<object>> _state;
    private readonly IAuditLog _log;
    private readonly AuditLogOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private IGrainTimer? _timer;
    private DateTimeOffset? _retryAt;
    private int _failures;
    private bool _resumed;

    private AuditFeed(Grain grain, Func<IAuditedState<object>> state, IServiceProvider services)
    {
        _grain = grain;
        _state = state;
        _log = services.GetRequiredService<IAuditLog>();
        _options = services.GetRequiredService<IOptions<AuditLogOptions>>().Value;
        _time = services.GetRequiredService<TimeProvider>();
        _logger = services.GetRequiredService<ILogger<AuditFeed>>();
        GrainId = grain.GetGrainId().ToString();
    }

    /// <summary>The grain's id as the log keys it ("lecturer/l-1").</summary>
    public string GrainId { get; }

    /// <summary>The highest sequence this activation has seen the log store (0: none yet).</summary>
    public long LoggedThrough { get; private set; }

    public static AuditFeed For(Grain grain, Func<IAuditedState<object>> state) =>
        new(grain, state, grain.GrainContext.ActivationServices);

    /// <summary>
    /// On the activation's first call: entries an earlier activation left pending (its append failed, or the state was
    /// stored before the audit log existed) are scheduled like those of a write, even if no write comes.
    /// </summary>
    public void Resume()
    {
        if (!_resumed)
        {
            _resumed = true;
            Written();
        }
    }

    /// <summary>After a stored write: schedules the append of what is pending (sooner once a batch is full).</summary>
    public void Written()
    {
        var unlogged = Unlogged().Entries.Length;
        if (unlogged == 0 || (_retryAt is { } retryAt && _time.GetUtcNow() < retryAt))
        {
            return; // nothing to send, or the log failed and the retry is already set
        }

        Schedule(unlogged >= _options.BatchSize ? TimeSpan.Zero : _options.QuietDelay);
    }

    /// <summary>A page of the whole trail: the log's entries and those still pending, newest first.</summary>
    public Task<AuditPage> PageAsync(int page, int pageSize) => AuditTrail.PageAsync(_log, GrainId, _state(), page, pageSize);

    /// <summary>Appends what is pending and not yet logged; on failure keeps it pending and schedules a retry. Never throws.</summary>
    public async Task FlushAsync()
    {
        var unlogged = Unlogged();
        if (unlogged.Entries.IsEmpty)
        {
            return;
        }

        try
        {
            await _log.AppendAsync(GrainId, unlogged.FirstSequence, unlogged.Entries);
            LoggedThrough = unlogged.Count;
            _retryAt = null;
            _failures = 0;
        }
        catch (Exception exception)
        {
            LogAppendFailed(_logger, exception, GrainId, unlogged.Entries.Length);
            var delay = _options.RetryAfter(++_failures);
            _retryAt = _time.GetUtcNow() + delay;
            Schedule(delay);
        }
    }

    /// <summary>
    /// On deactivation: appends what is pending, unless the log failed lately and its retry is not due. Waiting out another
    /// connection timeout would only slow the node's shutdown; the entries are safe in the stored state, and the grain's
    /// next activation sends them (<see cref="Resume"/>).
    /// </summary>
    public Task FlushOnDeactivationAsync() =>
        _retryAt is { } retryAt && _time.GetUtcNow() < retryAt ? Task.CompletedTask : FlushAsync();

    private AuditPending Unlogged() => AuditPending.Of(_state()).After(LoggedThrough);

    private void Schedule(TimeSpan due)
    {
        if (_timer is null)
        {
            // Not kept alive: an idle grain may go, and its deactivation appends what is left.
            _timer = _grain.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan));
        }
        else
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit log: {Count} entries of {GrainId} could not be appended; they stay pending in its state and are tried again")]
    private static partial void LogAppendFailed(ILogger logger, Exception exception, string grainId, int count);
}
