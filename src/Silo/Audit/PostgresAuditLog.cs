using System.Collections.Immutable;
using Npgsql;
using NpgsqlTypes;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Common.Audit;

namespace OrleansTraining.Silo.Audit;

/// <summary>
/// The audit log in PostgreSQL (table <c>audit_log</c>, migration 0005): a batch is one INSERT of the unnested
/// columns (one round trip, atomic), and it shares the grain storage's connection string, so its pool and timeouts.
/// </summary>
public sealed class PostgresAuditLog(string connectionString) : IAuditLog
{
    public async Task AppendAsync(string grainId, long firstSequence, ImmutableArray<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        if (entries.IsDefaultOrEmpty)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO audit_log (grain_id, sequence, at, actor, role, acts_for, request_id, grain, operation, changes)
            SELECT @grainId, e.sequence, e.at, e.actor, e.role, e.acts_for, e.request_id, e.grain, e.operation, e.changes::jsonb
            FROM unnest(@sequences, @ats, @actors, @roles, @actsFor, @requestIds, @grains, @operations, @changes)
                AS e(sequence, at, actor, role, acts_for, request_id, grain, operation, changes)
            ON CONFLICT (grain_id, sequence) DO NOTHING;
            """,
            connection);
        command.Parameters.AddWithValue("grainId", grainId);
        command.Parameters.AddWithValue("sequences", entries.Select((_, i) => firstSequence + i).ToArray());
        command.Parameters.AddWithValue("ats", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, entries.Select(e => e.At.ToUniversalTime()).ToArray());
        command.Parameters.AddWithValue("actors", entries.Select(e => e.Actor).ToArray());
        command.Parameters.AddWithValue("roles", entries.Select(e => e.Role).ToArray());
        command.Parameters.AddWithValue("actsFor", NpgsqlDbType.Array | NpgsqlDbType.Text, entries.Select(e => e.ActsFor).ToArray());
        command.Parameters.AddWithValue("requestIds", NpgsqlDbType.Array | NpgsqlDbType.Text, entries.Select(e => e.RequestId).ToArray());
        command.Parameters.AddWithValue("grains", entries.Select(e => e.Grain).ToArray());
        command.Parameters.AddWithValue("operations", entries.Select(e => e.Operation).ToArray());
        command.Parameters.AddWithValue("changes", entries.Select(e => AuditChangesJson.Write(e.Changes)).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<AuditLogPage> ReadAsync(string grainId, long belowSequence, int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        // The count and the page in one statement, so both see the same rows.
        await using var command = new NpgsqlCommand(
            """
            WITH mine AS (SELECT * FROM audit_log WHERE grain_id = @grainId AND sequence < @below)
            SELECT (SELECT count(*) FROM mine), p.at, p.actor, p.role, p.acts_for, p.request_id, p.grain, p.operation, p.changes::text
            FROM (SELECT 1) AS one
            LEFT JOIN LATERAL (SELECT * FROM mine ORDER BY sequence DESC LIMIT @take OFFSET @skip) AS p ON true
            ORDER BY p.sequence DESC;
            """,
            connection);
        command.Parameters.AddWithValue("grainId", grainId);
        command.Parameters.AddWithValue("below", belowSequence);
        command.Parameters.AddWithValue("take", Math.Max(0, take));
        command.Parameters.AddWithValue("skip", Math.Max(0, skip));
        var total = 0;
        var entries = ImmutableArray.CreateBuilder<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            total = (int)reader.GetInt64(0);
            if (reader.IsDBNull(1))
            {
                continue; // no entry on this page: the row only carries the count
            }

            entries.Add(new AuditEntry(
                new DateTimeOffset(reader.GetFieldValue<DateTime>(1), TimeSpan.Zero),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetString(6),
                reader.GetString(7),
                AuditChangesJson.Read(reader.GetString(8))));
        }

        return new AuditLogPage(total, entries.ToImmutable());
    }
}
