using Microsoft.Extensions.Logging;
using OrleansTraining.Silo.Runtime;

namespace OrleansTraining.Silo.Reminders;

/// <summary>
/// Fires durable reminders: polls the table on the host's clock, claims due rows under a lease, delivers each to its
/// grain's ReceiveReminderAsync, then moves it to its next period or deletes it. A reminder that fell due while no
/// node ran fires once on the next poll; a failed delivery gives its lease back and is tried again.
/// </summary>
internal sealed partial class ReminderService : IAsyncDisposable
{
    private const int ClaimBatch = 256;

    private readonly IReminderTable _table;
    private readonly GrainRuntime _runtime;
    private readonly ILogger<ReminderService> _logger;
    private readonly SemaphoreSlim _polling = new(1, 1);
    private ITimer? _timer;
    private int _disposed;

    public ReminderService(IReminderTable table, GrainRuntime runtime, ILogger<ReminderService> logger)
    {
        _table = table;
        _runtime = runtime;
        _logger = logger;
        runtime.Reminders = this;
    }

    public void Start() =>
        _timer = _runtime.TimeProvider.CreateTimer(static state => ((ReminderService)state!).OnTimer(), this, TimeSpan.Zero, _runtime.Options.ReminderPollInterval);

    public async Task<IGrainReminder> RegisterOrUpdateAsync(GrainId grainId, string name, DateTimeOffset dueAt, TimeSpan? period)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (period is { } p && p < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "A reminder period must be at least one second; use a grain timer for faster ticks.");
        }

        return await _table.UpsertAsync(grainId, name, dueAt, period).ConfigureAwait(false);
    }

    public async Task UnregisterAsync(GrainId grainId, string name) => await _table.RemoveAsync(grainId, name).ConfigureAwait(false);

    public async Task<IGrainReminder?> GetAsync(GrainId grainId, string name) => await _table.ReadAsync(grainId, name).ConfigureAwait(false);

    /// <summary>Claims and delivers every reminder due now; returns how many ticks were delivered. The timer calls it; tests may too.</summary>
    public async Task<int> PollAsync(CancellationToken cancellationToken = default)
    {
        await _polling.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var delivered = 0;
            while (true)
            {
                var now = _runtime.TimeProvider.GetUtcNow();
                var claimed = await _table.ClaimDueAsync(now, _runtime.Options.NodeId, now + _runtime.Options.ReminderLease, ClaimBatch, cancellationToken).ConfigureAwait(false);
                var outcomes = await Task.WhenAll(claimed.Select(entry => DeliverAsync(entry, now))).ConfigureAwait(false);
                delivered += outcomes.Count(ok => ok);
                if (claimed.Count < ClaimBatch)
                {
                    return delivered;
                }
            }
        }
        finally
        {
            _polling.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (_timer is not null)
        {
            await _timer.DisposeAsync().ConfigureAwait(false);
        }

        // Wait for a poll in progress, so its leases are completed or released before the host goes.
        await _polling.WaitAsync().ConfigureAwait(false);
    }

    private void OnTimer()
    {
        if (_polling.CurrentCount == 0)
        {
            return;
        }

        _ = PollInBackgroundAsync();
    }

    private async Task PollInBackgroundAsync()
    {
        try
        {
            await PollAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not ObjectDisposedException)
        {
            LogPollFailed(_logger, exception);
        }
    }

    private async Task<bool> DeliverAsync(ReminderEntry entry, DateTimeOffset now)
    {
        if (!_runtime.IsRegisteredType(entry.GrainId.Type))
        {
            LogUnknownGrainType(_logger, entry.GrainId, entry.Name);
            await _table.ReleaseAsync(entry, _runtime.Options.NodeId).ConfigureAwait(false);
            return false;
        }

        try
        {
            var grain = _runtime.CreateReference<IRemindable>(entry.GrainId);
            await grain.ReceiveReminderAsync(entry.Name, new TickStatus(entry.FirstDue, entry.Period, entry.DueAt)).ConfigureAwait(false);
            SiloTelemetry.RemindersFired.Add(1, new KeyValuePair<string, object?>("grain.type", entry.GrainId.Type));
            await _table.CompleteAsync(entry, _runtime.Options.NodeId, entry.NextDueAfter(now)).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception)
        {
            LogDeliveryFailed(_logger, exception, entry.GrainId, entry.Name);
            await _table.ReleaseAsync(entry, _runtime.Options.NodeId).ConfigureAwait(false);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Polling due reminders failed")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {ReminderName} of grain {GrainId} failed; it will be tried again")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, GrainId grainId, string reminderName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {ReminderName} is for grain {GrainId}, whose type this node does not host")]
    private static partial void LogUnknownGrainType(ILogger logger, GrainId grainId, string reminderName);
}
