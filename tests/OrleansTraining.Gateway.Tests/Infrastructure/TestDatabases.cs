using Npgsql;
using OrleansTraining.TestKit;

namespace OrleansTraining.Gateway.Tests.Infrastructure;

/// <summary>A fresh, empty database per test class, so the demo seeds into it and no class sees another's data.</summary>
public static class TestDatabases
{
    public static Task<string> NewAsync(StorageKind storage) =>
        storage == StorageKind.Postgres ? NewPostgresAsync() : Task.FromResult(TestDatabase.NewSqliteConnectionString());

    /// <summary>
    /// Creates a database on the test cluster. Reading <see cref="TestDatabase.PostgresConnectionString"/> throws when
    /// no cluster is configured, so PostgreSQL tests fail rather than skip.
    /// </summary>
    private static async Task<string> NewPostgresAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(TestDatabase.PostgresConnectionString);
        var name = $"gateway_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a PostgreSQL test database once its gateway stopped; SQLite files stay in the temp folder.</summary>
    public static async Task DropAsync(StorageKind storage, string connectionString)
    {
        if (storage != StorageKind.Postgres)
        {
            return;
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(TestDatabase.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
