using Microsoft.Extensions.Logging;
using Npgsql;
using OrleansTraining.Silo.Runtime;
using OrleansTraining.Silo.Storage;

namespace OrleansTraining.Silo.Cluster;

/// <summary>
/// Listens for other nodes' state writes (PostgreSQL LISTEN/NOTIFY) and marks this node's cached activations
/// stale, so they reload before their next call. Whenever the connection is lost, notifications may have been
/// missed: every activation is marked stale on reconnect rather than trusted.
/// </summary>
internal sealed partial class PostgresStateChangeListener(
    NpgsqlDataSource dataSource,
    GrainRuntime runtime,
    ILogger<PostgresStateChangeListener> logger) : IAsyncDisposable
{
    private static readonly TimeSpan LivenessProbe = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _firstConnected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _loop;
    private int _connections;
    private volatile int _backendProcessId;

    /// <summary>How many times the listener connected; a test sees a reconnect as this going up.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>The server process of the current LISTEN connection (tests cut it to simulate a lost connection).</summary>
    public int BackendProcessId => _backendProcessId;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = ListenLoopAsync(_stopping.Token);
        return _firstConnected.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            try
            {
                await _loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        _stopping.Dispose();
    }

    private async Task ListenLoopAsync(CancellationToken stopping)
    {
        var retryDelay = TimeSpan.FromMilliseconds(100);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stopping).ConfigureAwait(false);
                connection.Notification += OnNotification;
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgresSchema.StateChangedChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stopping).ConfigureAwait(false);
                }

                _backendProcessId = connection.ProcessID;
                Interlocked.Increment(ref _connections);

                // Anything written while we were not listening went unheard.
                runtime.Catalog.MarkAllStale();
                _firstConnected.TrySetResult();
                retryDelay = TimeSpan.FromMilliseconds(100);
                while (!stopping.IsCancellationRequested)
                {
                    if (!await connection.WaitAsync(LivenessProbe, stopping).ConfigureAwait(false))
                    {
                        await using var probe = new NpgsqlCommand("SELECT 1", connection);
                        await probe.ExecuteScalarAsync(stopping).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // A node that cannot listen at start-up fails to start rather than serve without notifications.
                if (_firstConnected.TrySetException(exception))
                {
                    return;
                }

                runtime.Catalog.MarkAllStale();
                LogConnectionLost(logger, exception, retryDelay);
                await Task.Delay(retryDelay, stopping).ConfigureAwait(false);
                retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs args)
    {
        foreach (var line in args.Payload.Split('\n'))
        {
            var parts = line.Split(PostgresStateNotifier.FieldSeparator);
            if (parts.Length == 5 && parts[4] != runtime.Options.NodeId
                && runtime.Catalog.TryGet(new GrainId(parts[0], parts[1]), out var activation))
            {
                activation.OnRemoteWrite(parts[2], parts[3]);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "State-change listener lost its PostgreSQL connection; cached grains will reload; retrying in {RetryDelay}")]
    private static partial void LogConnectionLost(ILogger logger, Exception exception, TimeSpan retryDelay);
}
