using Npgsql;
using OrleansTraining.TestKit;

namespace OrleansTraining.Grains.Tests;

/// <summary>
/// A database of its own for a test that restarts the host: demo-shaped keys (cycle "2027-2028", province codes, the
/// registry "all") are fixed, so on the shared PostgreSQL each such test gets a fresh database in the same cluster.
/// </summary>
internal static class FreshDatabase
{
    public static async Task<string> CreateAsync(StorageKind storage)
    {
        if (storage == StorageKind.Sqlite)
        {
            return TestDatabase.NewSqliteConnectionString();
        }

        var shared = new NpgsqlConnectionStringBuilder(TestDatabase.PostgresConnectionString);
        var name = $"grains_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(shared.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(shared.ConnectionString) { Database = name }.ConnectionString;
    }
}
