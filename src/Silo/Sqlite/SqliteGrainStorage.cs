using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace OrleansTraining.Silo.Sqlite;

/// <summary>
/// Grain state in SQLite as JSON. The ETag is the row's version: every write and clear is conditional on it and
/// bumps it (a clear keeps the row, so an ETag is never handed out twice); a stale ETag is an
/// <see cref="InconsistentStateException"/>.
/// </summary>
public sealed partial class SqliteGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly string _name;
    private readonly SqliteDatabase _database;
    private readonly IGrainStorageSerializer _serializer;
    private readonly ILogger<SqliteGrainStorage> _logger;

    public SqliteGrainStorage(string name, SqliteDatabase database, IGrainStorageSerializer serializer, ILogger<SqliteGrainStorage> logger)
    {
        _name = name;
        _database = database;
        _serializer = serializer;
        _logger = logger;
    }

    public void Participate(ISiloLifecycle observer) =>
        // Migrate while the silo starts, so a broken database stops the silo instead of the first grain call.
        observer.Subscribe($"{nameof(SqliteGrainStorage)}-{_name}", ServiceLifecycleStage.RuntimeStorageServices, _ => _database.EnsureSchemaAsync());

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _database.EnsureSchemaAsync().ConfigureAwait(false);
        await using var connection = await _database.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT payload, version FROM grain_state
            WHERE grain_type = $type AND grain_id = $id AND state_name = $state;
            """;
        AddKey(command, stateName, grainId);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        if (!await reader.ReadAsync().ConfigureAwait(false))
        {
            Reset(grainState, etag: null);
            return;
        }

        var version = reader.GetInt64(1).ToString(CultureInfo.InvariantCulture);
        if (reader.IsDBNull(0))
        {
            Reset(grainState, version);
            return;
        }

        var payload = reader.GetString(0);
        grainState.State = _serializer.Deserialize<T>(BinaryData.FromString(payload)) ?? Activator.CreateInstance<T>();
        grainState.ETag = version;
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _database.EnsureSchemaAsync().ConfigureAwait(false);
        var payload = _serializer.Serialize(grainState.State).ToString();
        var expected = ParseETag(grainState.ETag);
        var written = await _database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = expected is null
                    ? """
                      INSERT INTO grain_state (grain_type, grain_id, state_name, payload, version, modified_at)
                      VALUES ($type, $id, $state, $payload, 1, $now)
                      ON CONFLICT DO NOTHING
                      RETURNING version;
                      """
                    : """
                      UPDATE grain_state SET payload = $payload, version = version + 1, modified_at = $now
                      WHERE grain_type = $type AND grain_id = $id AND state_name = $state AND version = $expected
                      RETURNING version;
                      """;
                AddKey(command, stateName, grainId);
                command.Parameters.AddWithValue("$payload", payload);
                command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToString("O"));
                command.Parameters.AddWithValue("$expected", (object?)expected ?? DBNull.Value);
                return await command.ExecuteScalarAsync().ConfigureAwait(false) is long version
                    ? version
                    : await ThrowConflictAsync(connection, transaction, "write", stateName, grainId, grainState.ETag).ConfigureAwait(false);
            },
            CancellationToken.None).ConfigureAwait(false);

        grainState.ETag = written.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _database.EnsureSchemaAsync().ConfigureAwait(false);
        var expected = ParseETag(grainState.ETag);
        var cleared = await _database.WriteAsync(
            async (connection, transaction) =>
            {
                if (expected is null)
                {
                    // Never read a row: fine while there is none; a row someone else wrote means this copy is stale.
                    var current = await ReadVersionAsync(connection, transaction, stateName, grainId).ConfigureAwait(false);
                    return current is null
                        ? (long?)null
                        : await ThrowConflictAsync(connection, transaction, "clear", stateName, grainId, grainState.ETag).ConfigureAwait(false);
                }

                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                // Keep the row (payload NULL) and bump its version, so the next ETag differs from every earlier one.
                command.CommandText = """
                    UPDATE grain_state SET payload = NULL, version = version + 1, modified_at = $now
                    WHERE grain_type = $type AND grain_id = $id AND state_name = $state AND version = $expected
                    RETURNING version;
                    """;
                AddKey(command, stateName, grainId);
                command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToString("O"));
                command.Parameters.AddWithValue("$expected", expected.Value);
                return await command.ExecuteScalarAsync().ConfigureAwait(false) is long version
                    ? version
                    : await ThrowConflictAsync(connection, transaction, "clear", stateName, grainId, grainState.ETag).ConfigureAwait(false);
            },
            CancellationToken.None).ConfigureAwait(false);

        Reset(grainState, cleared?.ToString(CultureInfo.InvariantCulture));
    }

    private async Task<long> ThrowConflictAsync(
        SqliteConnection connection, SqliteTransaction transaction, string operation, string stateName, GrainId grainId, string? etag)
    {
        var stored = await ReadVersionAsync(connection, transaction, stateName, grainId).ConfigureAwait(false);
        var storedETag = stored?.ToString(CultureInfo.InvariantCulture);
        LogConflict(_name, operation, stateName, grainId, etag, storedETag);
        throw new InconsistentStateException(
            $"Version conflict on {operation} of '{stateName}' for grain {grainId} in storage '{_name}': stored ETag {storedETag ?? "(none)"}, this copy's ETag {etag ?? "(none)"}.",
            storedETag,
            etag);
    }

    private static async Task<long?> ReadVersionAsync(SqliteConnection connection, SqliteTransaction transaction, string stateName, GrainId grainId)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version FROM grain_state WHERE grain_type = $type AND grain_id = $id AND state_name = $state;";
        AddKey(command, stateName, grainId);
        return await command.ExecuteScalarAsync().ConfigureAwait(false) as long?;
    }

    private static void AddKey(SqliteCommand command, string stateName, GrainId grainId)
    {
        command.Parameters.AddWithValue("$type", grainId.Type.ToString());
        command.Parameters.AddWithValue("$id", grainId.Key.ToString());
        command.Parameters.AddWithValue("$state", stateName);
    }

    private static long? ParseETag(string? etag) =>
        string.IsNullOrEmpty(etag) ? null : long.Parse(etag, NumberStyles.None, CultureInfo.InvariantCulture);

    private static void Reset<T>(IGrainState<T> grainState, string? etag)
    {
        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = etag;
        grainState.RecordExists = false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage {Storage}: {Operation} of {StateName} for {GrainId} rejected, ETag {ETag} but stored {StoredETag}")]
    private partial void LogConflict(string storage, string operation, string stateName, GrainId grainId, string? etag, string? storedETag);
}
