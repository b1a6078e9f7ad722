using System.Data.Common;
using Npgsql;

namespace OrleansTraining.Silo.Reminders;

/// <summary>Reminders in PostgreSQL: nodes claim due rows with FOR UPDATE SKIP LOCKED, so two never take the same tick.</summary>
public sealed class PostgresReminderTable(NpgsqlDataSource dataSource) : SqlReminderTable
{
    protected override string ClaimSql => """
        UPDATE grain_reminders AS r SET lease_owner = @owner, lease_until_ms = @until
        FROM (
            SELECT grain_type, grain_key, name FROM grain_reminders
            WHERE due_ms <= @now AND (lease_owner IS NULL OR lease_until_ms < @now)
            ORDER BY due_ms LIMIT @max
            FOR UPDATE SKIP LOCKED) AS due
        WHERE r.grain_type = due.grain_type AND r.grain_key = due.grain_key AND r.name = due.name
        RETURNING r.grain_type, r.grain_key, r.name, r.first_due_ms, r.due_ms, r.period_ms, r.version
        """;

    protected override async Task<T> RunAsync<T>(bool write, Func<DbCommand, Task<T>> action, CancellationToken cancellationToken)
    {
        // One statement per call: PostgreSQL runs it in its own transaction.
        await using var command = dataSource.CreateCommand();
        return await action(command).ConfigureAwait(false);
    }
}
