using Npgsql;

namespace OrleansTraining.TestKit;

/// <summary>Where integration tests find their databases.</summary>
public static class TestDatabase
{
    /// <summary>
    /// The PostgreSQL that ./test.sh starts (ConnectionStrings__Postgres). Tests that claim PostgreSQL fail without
    /// it rather than skip, so a CI run without a database can never look green.
    /// </summary>
    public static string PostgresConnectionString =>
        Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") is { Length: > 0 } connectionString
            ? connectionString
            : throw new InvalidOperationException(
                "ConnectionStrings__Postgres is not set. Run the tests through ./test.sh, which starts a throwaway PostgreSQL cluster.");

    /// <summary>A fresh SQLite file under the system temp folder.</summary>
    public static string NewSqliteConnectionString() =>
        $"Data Source={Path.Combine(Path.GetTempPath(), "orleans-training-tests", $"{Guid.NewGuid():N}.db")}";

    /// <summary>Creates an empty database on the test PostgreSQL server and returns its connection string.</summary>
    public static async Task<string> NewPostgresDatabaseAsync()
    {
        var name = $"t_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(PostgresConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Database = name }.ToString();
    }
}
