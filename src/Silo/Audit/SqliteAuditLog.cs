using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Data.Sqlite;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Common.Audit;
using OrleansTraining.Silo.Sqlite;

namespace OrleansTraining.Silo.Audit;

/// <summary>
/// The audit log in the SQLite file beside the grain state (table <c>audit_log</c>, migration 3 of
/// <see cref="SqliteSchema"/>). Appends take the file's one write gate like state writes do.
/// </summary>
public sealed class SqliteAuditLog(SqliteDatabase database) : IAuditLog
{
    public async Task AppendAsync(string grainId, long firstSequence, ImmutableArray<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        if (entries.IsDefaultOrEmpty)
        {
            return;
        }

        await database.EnsureSchemaAsync().ConfigureAwait(false);
        await database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT INTO audit_log (grain_id, sequence, at, actor, role, acts_for, request_id, grain, operation, changes)
                    VALUES ($grainId, $sequence, $at, $actor, $role, $actsFor, $requestId, $grain, $operation, $changes)
                    ON CONFLICT (grain_id, sequence) DO NOTHING;
                    """;
                var sequence = command.Parameters.Add("$sequence", SqliteType.Integer);
                var at = command.Parameters.Add("$at", SqliteType.Text);
                var actor = command.Parameters.Add("$actor", SqliteType.Text);
                var role = command.Parameters.Add("$role", SqliteType.Text);
                var actsFor = command.Parameters.Add("$actsFor", SqliteType.Text);
                var requestId = command.Parameters.Add("$requestId", SqliteType.Text);
                var grain = command.Parameters.Add("$grain", SqliteType.Text);
                var operation = command.Parameters.Add("$operation", SqliteType.Text);
                var changes = command.Parameters.Add("$changes", SqliteType.Text);
                command.Parameters.AddWithValue("$grainId", grainId);
                for (var i = 0; i < entries.Length; i++)
                {
                    var entry = entries[i];
                    sequence.Value = firstSequence + i;
                    at.Value = entry.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
                    actor.Value = entry.Actor;
                    role.Value = entry.Role;
                    actsFor.Value = (object?)entry.ActsFor ?? DBNull.Value;
                    requestId.Value = (object?)entry.RequestId ?? DBNull.Value;
                    grain.Value = entry.Grain;
                    operation.Value = entry.Operation;
                    changes.Value = AuditChangesJson.Write(entry.Changes);
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                return 0;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<AuditLogPage> ReadAsync(string grainId, long belowSequence, int skip, int take, CancellationToken cancellationToken = default)
    {
        await database.EnsureSchemaAsync().ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        // One read transaction: the count and the page see the same rows while an append commits beside them (WAL).
        await using var transaction = connection.BeginTransaction(deferred: true);
        await using var count = connection.CreateCommand();
        count.Transaction = transaction;
        count.CommandText = "SELECT count(*) FROM audit_log WHERE grain_id = $grainId AND sequence < $below;";
        count.Parameters.AddWithValue("$grainId", grainId);
        count.Parameters.AddWithValue("$below", belowSequence);
        var total = (int)(long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        if (take <= 0 || skip >= total)
        {
            return new AuditLogPage(total, []);
        }

        await using var page = connection.CreateCommand();
        page.Transaction = transaction;
        page.CommandText = """
            SELECT at, actor, role, acts_for, request_id, grain, operation, changes FROM audit_log
            WHERE grain_id = $grainId AND sequence < $below
            ORDER BY sequence DESC LIMIT $take OFFSET $skip;
            """;
        page.Parameters.AddWithValue("$grainId", grainId);
        page.Parameters.AddWithValue("$below", belowSequence);
        page.Parameters.AddWithValue("$take", take);
        page.Parameters.AddWithValue("$skip", skip);
        var entries = ImmutableArray.CreateBuilder<AuditEntry>();
        await using var reader = await page.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new AuditEntry(
                DateTimeOffset.Parse(reader.GetString(0), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6),
                AuditChangesJson.Read(reader.GetString(7))));
        }

        return new AuditLogPage(total, entries.ToImmutable());
    }
}
