using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansTraining.Silo.Cluster;
using OrleansTraining.Silo.Reminders;
using OrleansTraining.Silo.Runtime;

namespace OrleansTraining.Silo.Hosting;

/// <summary>Starts the node (schema, state-change listener, reminders, idle collection) and stops it cleanly.</summary>
public sealed partial class GrainHostService : IHostedService, IAsyncDisposable
{
    private readonly IServiceProvider _services;
    private readonly GrainRuntime _runtime;
    private readonly GrainHostBackend _backend;
    private readonly ReminderService _reminders;
    private readonly ILogger<GrainHostService> _logger;
    private PostgresStateChangeListener? _listener;
    private ITimer? _collector;
    private int _stopped;

    internal GrainHostService(IServiceProvider services, GrainRuntime runtime, GrainHostBackend backend, ReminderService reminders, ILogger<GrainHostService> logger)
    {
        _services = services;
        _runtime = runtime;
        _backend = backend;
        _reminders = reminders;
        _logger = logger;
    }

    /// <summary>The node's id (in reminder leases and notifications).</summary>
    public string NodeId => _runtime.Options.NodeId;

    /// <summary>How many activations this node holds now.</summary>
    public int ActivationCount => _runtime.Catalog.Count;

    /// <summary>How many times the PostgreSQL listener has connected (0 without PostgreSQL).</summary>
    public int ListenerConnections => _listener?.Connections ?? 0;

    /// <summary>The backend process of the listener's connection, or 0.</summary>
    public int ListenerBackendProcessId => _listener?.BackendProcessId ?? 0;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _backend.MigrateAsync(cancellationToken).ConfigureAwait(false);
        if (_backend.PostgresDataSource is not null && _runtime.Options.ListenForStateChanges)
        {
            _listener = new PostgresStateChangeListener(_backend.PostgresDataSource, _runtime, _services.GetRequiredService<ILogger<PostgresStateChangeListener>>());
            await _listener.StartAsync(cancellationToken).ConfigureAwait(false);
        }

        _reminders.Start();
        _collector = _runtime.TimeProvider.CreateTimer(
            static state => _ = ((GrainHostService)state!).CollectIdleInBackgroundAsync(),
            this,
            _runtime.Options.CollectionQuantum,
            _runtime.Options.CollectionQuantum);
        LogStarted(_logger, _runtime.Options.NodeId, _backend.Name);
    }

    /// <summary>Deactivates every activation idle past the collection age now (the collector's timer does this periodically).</summary>
    public Task<int> CollectIdleActivationsAsync() => _runtime.Catalog.CollectIdleAsync();

    /// <summary>Delivers every reminder due now (the reminder timer does this periodically).</summary>
    public Task<int> PollRemindersAsync(CancellationToken cancellationToken = default) => _reminders.PollAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        if (_collector is not null)
        {
            await _collector.DisposeAsync().ConfigureAwait(false);
        }

        await _reminders.DisposeAsync().ConfigureAwait(false);
        try
        {
            await _runtime.Catalog.DeactivateAllAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            LogShutdownCut(_logger, _runtime.Catalog.Count);
        }

        if (_listener is not null)
        {
            await _listener.DisposeAsync().ConfigureAwait(false);
        }

        SiloTelemetry.Untrack(_runtime.Catalog);
        await _backend.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    private async Task CollectIdleInBackgroundAsync()
    {
        try
        {
            await _runtime.Catalog.CollectIdleAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            LogCollectionFailed(_logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Grain host {NodeId} started on {Backend}")]
    private static partial void LogStarted(ILogger logger, string nodeId, string backend);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutdown ended before {Count} activations finished deactivating")]
    private static partial void LogShutdownCut(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Idle collection failed")]
    private static partial void LogCollectionFailed(ILogger logger, Exception exception);
}
