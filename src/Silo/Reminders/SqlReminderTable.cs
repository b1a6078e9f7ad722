using System.Data.Common;

namespace OrleansTraining.Silo.Reminders;

/// <summary>
/// Reminders in a SQL table (SQLite or PostgreSQL: both accept @name parameters, ON CONFLICT and RETURNING).
/// Times are stored as Unix milliseconds taken from the host's TimeProvider, so a fake clock drives them in tests.
/// </summary>
public abstract class SqlReminderTable : IReminderTable
{
    private const string Columns = "grain_type, grain_key, name, first_due_ms, due_ms, period_ms, version";
    private const string Key = "grain_type = @type AND grain_key = @key AND name = @name";
    private const string Claimed = $"{Key} AND version = @version AND lease_owner = @owner";

    /// <summary>Leases due, unleased rows to @owner until @until and returns them (the claim differs per database).</summary>
    protected abstract string ClaimSql { get; }

    public Task<ReminderEntry> UpsertAsync(GrainId grainId, string name, DateTimeOffset dueAt, TimeSpan? period, CancellationToken cancellationToken = default)
    {
        var entry = new ReminderEntry(grainId, name, dueAt, dueAt, period, Random.Shared.NextInt64(1, long.MaxValue));
        return RunAsync(
            write: true,
            async command =>
            {
                command.CommandText = $"""
                    INSERT INTO grain_reminders ({Columns}, lease_owner, lease_until_ms)
                    VALUES (@type, @key, @name, @due, @due, @period, @version, NULL, NULL)
                    ON CONFLICT (grain_type, grain_key, name) DO UPDATE SET first_due_ms = excluded.first_due_ms, due_ms = excluded.due_ms,
                        period_ms = excluded.period_ms, version = excluded.version, lease_owner = NULL, lease_until_ms = NULL
                    """;
                AddKey(command, grainId, name);
                Add(command, "due", dueAt.ToUnixTimeMilliseconds());
                Add(command, "period", period is { } p ? (long)p.TotalMilliseconds : null);
                Add(command, "version", entry.Version);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                return entry;
            },
            cancellationToken);
    }

    public Task<ReminderEntry?> ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken = default) =>
        RunAsync(
            write: false,
            async command =>
            {
                command.CommandText = $"SELECT {Columns} FROM grain_reminders WHERE {Key}";
                AddKey(command, grainId, name);
                return (await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
            },
            cancellationToken);

    public Task<bool> RemoveAsync(GrainId grainId, string name, CancellationToken cancellationToken = default) =>
        RunAsync(
            write: true,
            async command =>
            {
                command.CommandText = $"DELETE FROM grain_reminders WHERE {Key}";
                AddKey(command, grainId, name);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
            },
            cancellationToken);

    public Task<IReadOnlyList<ReminderEntry>> ClaimDueAsync(DateTimeOffset now, string owner, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken = default) =>
        RunAsync(
            write: true,
            async command =>
            {
                command.CommandText = ClaimSql;
                Add(command, "now", now.ToUnixTimeMilliseconds());
                Add(command, "owner", owner);
                Add(command, "until", leaseUntil.ToUnixTimeMilliseconds());
                Add(command, "max", max);
                return await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    public Task CompleteAsync(ReminderEntry claimed, string owner, DateTimeOffset? nextDue, CancellationToken cancellationToken = default) =>
        RunAsync(
            write: true,
            async command =>
            {
                command.CommandText = nextDue is null
                    ? $"DELETE FROM grain_reminders WHERE {Claimed}"
                    : $"UPDATE grain_reminders SET due_ms = @next, lease_owner = NULL, lease_until_ms = NULL WHERE {Claimed}";
                AddClaim(command, claimed, owner);
                if (nextDue is { } next)
                {
                    Add(command, "next", next.ToUnixTimeMilliseconds());
                }

                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    public Task ReleaseAsync(ReminderEntry claimed, string owner, CancellationToken cancellationToken = default) =>
        RunAsync(
            write: true,
            async command =>
            {
                command.CommandText = $"UPDATE grain_reminders SET lease_owner = NULL, lease_until_ms = NULL WHERE {Claimed}";
                AddClaim(command, claimed, owner);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>Runs one command: writes inside a transaction as the database's rules want.</summary>
    protected abstract Task<T> RunAsync<T>(bool write, Func<DbCommand, Task<T>> action, CancellationToken cancellationToken);

    private static async Task<IReadOnlyList<ReminderEntry>> ReadEntriesAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new ReminderEntry(
                new GrainId(reader.GetString(0), reader.GetString(1)),
                reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                reader.IsDBNull(5) ? null : TimeSpan.FromMilliseconds(reader.GetInt64(5)),
                reader.GetInt64(6)));
        }

        return entries;
    }

    private static void AddKey(DbCommand command, GrainId grainId, string name)
    {
        Add(command, "type", grainId.Type);
        Add(command, "key", grainId.Key);
        Add(command, "name", name);
    }

    private static void AddClaim(DbCommand command, ReminderEntry claimed, string owner)
    {
        AddKey(command, claimed.GrainId, claimed.Name);
        Add(command, "version", claimed.Version);
        Add(command, "owner", owner);
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        if (value is null)
        {
            parameter.DbType = System.Data.DbType.Int64;
        }

        command.Parameters.Add(parameter);
    }
}
