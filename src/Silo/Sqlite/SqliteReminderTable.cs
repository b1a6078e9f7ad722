using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace OrleansTraining.Silo.Sqlite;

/// <summary>
/// Orleans' reminder table in SQLite. Grain ids are stored in their string form; the ring position is
/// <see cref="GrainId.GetUniformHashCode"/>; every upsert gets a fresh ETag, so a removal with an old one fails.
/// </summary>
public sealed class SqliteReminderTable : IReminderTable
{
    private const string Columns = "grain_id, reminder_name, start_at_ticks, period_ticks, etag";

    private readonly SqliteDatabase _database;
    private readonly string _serviceId;

    public SqliteReminderTable(SqliteDatabase database, IOptions<ClusterOptions> clusterOptions)
    {
        _database = database;
        _serviceId = clusterOptions.Value.ServiceId;
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => _database.EnsureSchemaAsync();

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        ReadAsync(
            $"SELECT {Columns} FROM reminders WHERE service_id = $service AND grain_id = $grain;",
            command => command.Parameters.AddWithValue("$grain", grainId.ToString()));

    /// <summary>The reminders whose hash lies in (begin, end] on the ring; begin &gt;= end wraps past zero.</summary>
    public Task<ReminderTableData> ReadRows(uint begin, uint end)
    {
        var condition = begin < end
            ? "grain_hash > $begin AND grain_hash <= $end"
            : "(grain_hash > $begin OR grain_hash <= $end)";
        return ReadAsync(
            $"SELECT {Columns} FROM reminders WHERE service_id = $service AND {condition};",
            command =>
            {
                command.Parameters.AddWithValue("$begin", (long)begin);
                command.Parameters.AddWithValue("$end", (long)end);
            });
    }

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        var rows = await ReadAsync(
            $"SELECT {Columns} FROM reminders WHERE service_id = $service AND grain_id = $grain AND reminder_name = $name;",
            command =>
            {
                command.Parameters.AddWithValue("$grain", grainId.ToString());
                command.Parameters.AddWithValue("$name", reminderName);
            }).ConfigureAwait(false);
        return rows.Reminders.SingleOrDefault();
    }

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await _database.EnsureSchemaAsync().ConfigureAwait(false);
        var etag = Guid.NewGuid().ToString("N");
        await _database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = Command(connection, transaction, """
                    INSERT INTO reminders (service_id, grain_id, reminder_name, start_at_ticks, period_ticks, grain_hash, etag)
                    VALUES ($service, $grain, $name, $start, $period, $hash, $etag)
                    ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE SET
                        start_at_ticks = excluded.start_at_ticks,
                        period_ticks = excluded.period_ticks,
                        grain_hash = excluded.grain_hash,
                        etag = excluded.etag;
                    """);
                command.Parameters.AddWithValue("$grain", entry.GrainId.ToString());
                command.Parameters.AddWithValue("$name", entry.ReminderName);
                command.Parameters.AddWithValue("$start", ToUtc(entry.StartAt).Ticks);
                command.Parameters.AddWithValue("$period", entry.Period.Ticks);
                command.Parameters.AddWithValue("$hash", (long)entry.GrainId.GetUniformHashCode());
                command.Parameters.AddWithValue("$etag", etag);
                return await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            },
            CancellationToken.None).ConfigureAwait(false);
        entry.ETag = etag;
        return etag;
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        await _database.EnsureSchemaAsync().ConfigureAwait(false);
        var removed = await _database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = Command(connection, transaction, """
                    DELETE FROM reminders
                    WHERE service_id = $service AND grain_id = $grain AND reminder_name = $name AND etag = $etag;
                    """);
                command.Parameters.AddWithValue("$grain", grainId.ToString());
                command.Parameters.AddWithValue("$name", reminderName);
                command.Parameters.AddWithValue("$etag", eTag ?? string.Empty);
                return await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            },
            CancellationToken.None).ConfigureAwait(false);
        return removed > 0;
    }

    public async Task TestOnlyClearTable()
    {
        await _database.EnsureSchemaAsync().ConfigureAwait(false);
        await _database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = Command(connection, transaction, "DELETE FROM reminders WHERE service_id = $service;");
                return await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            },
            CancellationToken.None).ConfigureAwait(false);
    }

    private async Task<ReminderTableData> ReadAsync(string sql, Action<SqliteCommand> addParameters)
    {
        await _database.EnsureSchemaAsync().ConfigureAwait(false);
        await using var connection = await _database.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var command = Command(connection, transaction: null, sql);
        addParameters(command);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        var entries = new List<ReminderEntry>();
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            entries.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0)),
                ReminderName = reader.GetString(1),
                StartAt = new DateTime(reader.GetInt64(2), DateTimeKind.Utc),
                Period = TimeSpan.FromTicks(reader.GetInt64(3)),
                ETag = reader.GetString(4),
            });
        }

        return new ReminderTableData(entries);
    }

    private SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$service", _serviceId);
        return command;
    }

    private static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        // Orleans hands out UTC times; an unspecified one is taken as UTC rather than shifted.
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
