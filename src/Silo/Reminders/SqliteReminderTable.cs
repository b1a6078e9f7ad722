using System.Data.Common;
using OrleansTraining.Silo.Storage;

namespace OrleansTraining.Silo.Reminders;

public sealed class SqliteReminderTable(SqliteDatabase database) : SqlReminderTable
{
    protected override string ClaimSql => """
        UPDATE grain_reminders SET lease_owner = @owner, lease_until_ms = @until
        WHERE rowid IN (
            SELECT rowid FROM grain_reminders
            WHERE due_ms <= @now AND (lease_owner IS NULL OR lease_until_ms < @now)
            ORDER BY due_ms LIMIT @max)
        RETURNING grain_type, grain_key, name, first_due_ms, due_ms, period_ms, version
        """;

    protected override async Task<T> RunAsync<T>(bool write, Func<DbCommand, Task<T>> action, CancellationToken cancellationToken)
    {
        if (write)
        {
            return await database.WriteAsync(
                async (connection, transaction) =>
                {
                    await using var command = connection.CreateCommand();
                    command.Transaction = transaction;
                    return await action(command).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }

        await using var readConnection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var readCommand = readConnection.CreateCommand();
        return await action(readCommand).ConfigureAwait(false);
    }
}
