using Npgsql;
using OrleansTraining.Silo.Postgres;
using OrleansTraining.TestKit;

namespace OrleansTraining.Silo.Tests;

public sealed class PostgresMigrationTests
{
    // Every key the 10.4.2 clustering, persistence and reminder providers look up.
    private static readonly string[] QueryKeys =
    [
        "GatewaysQueryKey", "MembershipReadRowKey", "MembershipReadAllKey", "InsertMembershipVersionKey",
        "UpdateIAmAlivetimeKey", "InsertMembershipKey", "UpdateMembershipKey", "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey",
        "WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey", "DeleteStorageKey",
        "ReadReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey", "UpsertReminderRowKey",
        "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    [Fact]
    public async Task Migrating_twice_applies_each_migration_once_and_installs_every_query_key()
    {
        var database = await TestDatabase.NewPostgresDatabaseAsync();

        Assert.Equal(PostgresMigration.All.Count, await new PostgresMigrator(database).MigrateAsync());
        Assert.Equal(0, await new PostgresMigrator(database).MigrateAsync());

        Assert.Equal(PostgresMigration.All.Select(m => m.Version), await ReadIntsAsync(database, "SELECT version FROM schema_migrations ORDER BY version"));
        Assert.Equal(QueryKeys.Order(StringComparer.Ordinal), await ReadStringsAsync(database, "SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey COLLATE \"C\""));
    }

    [Fact]
    public async Task Migrators_starting_together_on_an_empty_database_apply_each_migration_once()
    {
        var database = await TestDatabase.NewPostgresDatabaseAsync();

        var applied = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => new PostgresMigrator(database).MigrateAsync())));

        Assert.Equal(PostgresMigration.All.Count, applied.Sum());
        Assert.Equal(PostgresMigration.All.Count, (await ReadIntsAsync(database, "SELECT version FROM schema_migrations")).Count);
    }

    [Fact]
    public async Task The_migration_scripts_themselves_can_run_again()
    {
        var database = await TestDatabase.NewPostgresDatabaseAsync();
        await new PostgresMigrator(database).MigrateAsync();

        // Forget the record: every script runs a second time over the existing schema.
        await ExecuteAsync(database, "DELETE FROM schema_migrations");

        Assert.Equal(PostgresMigration.All.Count, await new PostgresMigrator(database).MigrateAsync());
    }

    [Fact]
    public void The_migrations_are_numbered_from_one_without_gaps()
    {
        Assert.Equal(Enumerable.Range(1, PostgresMigration.All.Count), PostgresMigration.All.Select(m => m.Version));
        Assert.Equal(["orleans_main", "clustering", "persistence", "reminders", "audit_log"], PostgresMigration.All.Select(m => m.Name));
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<int>> ReadIntsAsync(string connectionString, string sql) =>
        (await ReadAsync(connectionString, sql, reader => reader.GetInt32(0))).ToList();

    private static async Task<List<string>> ReadStringsAsync(string connectionString, string sql) =>
        (await ReadAsync(connectionString, sql, reader => reader.GetString(0))).ToList();

    private static async Task<List<T>> ReadAsync<T>(string connectionString, string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
        {
            values.Add(read(reader));
        }

        return values;
    }
}
