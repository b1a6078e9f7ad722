using Microsoft.Data.Sqlite;
using Npgsql;
using OrleansTraining.TestKit;

namespace OrleansTraining.Silo.Tests;

/// <summary>Direct database access for tests that must look under (or around) the grain host.</summary>
internal static class PostgresAdmin
{
    /// <summary>Creates an empty database on the test cluster and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var name = $"t_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(TestDatabase.PostgresConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(TestDatabase.PostgresConnectionString) { Database = name }.ToString();
    }

    public static async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }
}

internal static class SchemaQueries
{
    public static async Task<long> CountMigrationsAsync(StorageKind storage, string connectionString)
    {
        if (storage == StorageKind.Postgres)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM schema_migrations", connection);
            return (long)(await command.ExecuteScalarAsync())!;
        }

        await using var sqlite = new SqliteConnection(connectionString);
        await sqlite.OpenAsync();
        await using var count = sqlite.CreateCommand();
        count.CommandText = "SELECT count(*) FROM schema_migrations";
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
