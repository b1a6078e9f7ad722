using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;
using OrleansTraining.Silo.Storage;

namespace OrleansTraining.Silo.Cluster;

/// <summary>
/// Announces committed state writes to the other nodes. A NOTIFY serialises its transaction's commit on the server,
/// so instead of one per write, writes are gathered while the previous announcement is in flight and sent together:
/// one NOTIFY carries many lines of "type␟key␟state␟version␟node". Correctness never depends on it (etags do that);
/// it keeps other nodes' cached activations fresh.
/// </summary>
internal sealed partial class PostgresStateNotifier : IAsyncDisposable
{
    /// <summary>PostgreSQL refuses payloads of 8000 bytes or more.</summary>
    private const int MaxPayloadBytes = 7900;

    public const char FieldSeparator = '\u001f';

    private readonly Channel<string> _pending = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;
    private readonly Task _sender;

    public PostgresStateNotifier(NpgsqlDataSource dataSource, ILogger logger)
    {
        _dataSource = dataSource;
        _logger = logger;
        _sender = SendLoopAsync();
    }

    public void Announce(GrainId grainId, string stateName, string etag, string nodeId) =>
        _pending.Writer.TryWrite(string.Join(FieldSeparator, grainId.Type, grainId.Key, stateName, etag, nodeId));

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _sender.ConfigureAwait(false);
    }

    private async Task SendLoopAsync()
    {
        var batch = new StringBuilder();
        var payloads = new List<string>();
        while (await _pending.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            payloads.Clear();
            batch.Clear();
            while (_pending.Reader.TryRead(out var line))
            {
                if (batch.Length > 0 && Encoding.UTF8.GetByteCount(line) + batch.Length + 1 > MaxPayloadBytes)
                {
                    payloads.Add(batch.ToString());
                    batch.Clear();
                }

                if (batch.Length > 0)
                {
                    batch.Append('\n');
                }

                batch.Append(line);
            }

            payloads.Add(batch.ToString());
            try
            {
                await using var command = _dataSource.CreateCommand();
                command.CommandText = string.Join(", ", payloads.Select((_, i) => $"pg_notify('{PostgresSchema.StateChangedChannel}', @p{i})")).Insert(0, "SELECT ");
                for (var i = 0; i < payloads.Count; i++)
                {
                    command.Parameters.AddWithValue($"p{i}", payloads[i]);
                }

                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                // Other nodes may now serve a stale read until their next write conflicts or they re-sync.
                LogNotifyFailed(_logger, exception, payloads.Count);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not announce {Batches} batches of state writes to other nodes")]
    private static partial void LogNotifyFailed(ILogger logger, Exception exception, int batches);
}
