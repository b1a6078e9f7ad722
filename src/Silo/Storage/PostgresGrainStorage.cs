using System.Globalization;
using Npgsql;

namespace OrleansTraining.Silo.Storage;

/// <summary>
/// Grain state in PostgreSQL, shared by every node. Each committed write is announced to the other nodes (through
/// <paramref name="announce"/>), so they refresh their cached activations.
/// </summary>
public sealed class PostgresGrainStorage(NpgsqlDataSource dataSource, Action<GrainId, string, string>? announce = null) : IGrainStorage
{
    private const string InsertSql = """
        INSERT INTO grain_state (grain_type, grain_key, state_name, payload, version, updated_at)
        VALUES (@type, @key, @state, @payload::jsonb, 1, now())
        ON CONFLICT DO NOTHING
        RETURNING version
        """;

    private const string UpdateSql = """
        UPDATE grain_state SET payload = @payload::jsonb, version = version + 1, updated_at = now()
        WHERE grain_type = @type AND grain_key = @key AND state_name = @state AND version = @version
        RETURNING version
        """;

    public async Task<StoredState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT payload::text, version FROM grain_state WHERE grain_type = @type AND grain_key = @key AND state_name = @state");
        AddKey(command, grainId, stateName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new StoredState(reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt64(1).ToString(CultureInfo.InvariantCulture));
    }

    public async Task<string> WriteAsync(GrainId grainId, string stateName, string payload, string? etag, CancellationToken cancellationToken = default) =>
        (await SwapAsync(grainId, stateName, payload, etag, cancellationToken).ConfigureAwait(false))!;

    public async Task<string?> ClearAsync(GrainId grainId, string stateName, string? etag, CancellationToken cancellationToken = default) =>
        etag is null ? null : await SwapAsync(grainId, stateName, null, etag, cancellationToken).ConfigureAwait(false);

    private async Task<string> SwapAsync(GrainId grainId, string stateName, string? payload, string? etag, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(etag is null ? InsertSql : UpdateSql);
        AddKey(command, grainId, stateName);
        command.Parameters.AddWithValue("payload", NpgsqlTypes.NpgsqlDbType.Text, (object?)payload ?? DBNull.Value);
        if (etag is not null)
        {
            command.Parameters.AddWithValue("version", EtagConflict.ParseVersion(etag));
        }

        if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not long written)
        {
            throw EtagConflict.For(grainId, stateName, etag);
        }

        var newEtag = written.ToString(CultureInfo.InvariantCulture);
        announce?.Invoke(grainId, stateName, newEtag);
        return newEtag;
    }

    private static void AddKey(NpgsqlCommand command, GrainId grainId, string stateName)
    {
        command.Parameters.AddWithValue("type", grainId.Type);
        command.Parameters.AddWithValue("key", grainId.Key);
        command.Parameters.AddWithValue("state", stateName);
    }
}
