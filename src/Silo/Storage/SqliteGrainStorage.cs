using System.Globalization;
using Microsoft.Data.Sqlite;

namespace OrleansTraining.Silo.Storage;

/// <summary>Grain state in the embedded SQLite file (the default for a single node).</summary>
public sealed class SqliteGrainStorage(SqliteDatabase database, TimeProvider timeProvider) : IGrainStorage
{
    public async Task<StoredState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload, version FROM grain_state WHERE grain_type = $type AND grain_key = $key AND state_name = $state";
        AddKey(command, grainId, stateName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new StoredState(reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt64(1).ToString(CultureInfo.InvariantCulture));
    }

    public Task<string> WriteAsync(GrainId grainId, string stateName, string payload, string? etag, CancellationToken cancellationToken = default) =>
        SwapAsync(grainId, stateName, payload, etag, cancellationToken)!;

    public async Task<string?> ClearAsync(GrainId grainId, string stateName, string? etag, CancellationToken cancellationToken = default) =>
        etag is null ? null : await SwapAsync(grainId, stateName, null, etag, cancellationToken).ConfigureAwait(false);

    private Task<string> SwapAsync(GrainId grainId, string stateName, string? payload, string? etag, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = etag is null
                    ? "INSERT INTO grain_state (grain_type, grain_key, state_name, payload, version, updated_at) VALUES ($type, $key, $state, $payload, 1, $now) ON CONFLICT DO NOTHING"
                    : "UPDATE grain_state SET payload = $payload, version = version + 1, updated_at = $now WHERE grain_type = $type AND grain_key = $key AND state_name = $state AND version = $version";
                AddKey(command, grainId, stateName);
                command.Parameters.AddWithValue("$payload", (object?)payload ?? DBNull.Value);
                command.Parameters.AddWithValue("$now", timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
                var expected = etag is null ? 0 : EtagConflict.ParseVersion(etag);
                command.Parameters.AddWithValue("$version", expected);
                if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
                {
                    throw EtagConflict.For(grainId, stateName, etag);
                }

                return (expected + 1).ToString(CultureInfo.InvariantCulture);
            },
            cancellationToken);

    private static void AddKey(SqliteCommand command, GrainId grainId, string stateName)
    {
        command.Parameters.AddWithValue("$type", grainId.Type);
        command.Parameters.AddWithValue("$key", grainId.Key);
        command.Parameters.AddWithValue("$state", stateName);
    }
}
