using System.Collections.Concurrent;

namespace OrleansTraining.Silo.Sqlite;

/// <summary>One <see cref="SqliteDatabase"/> (one write gate) per connection string, shared by storage and reminders.</summary>
public sealed class SqliteDatabases
{
    private readonly ConcurrentDictionary<string, SqliteDatabase> _databases = new(StringComparer.Ordinal);

    public SqliteDatabase Get(string connectionString) =>
        _databases.GetOrAdd(connectionString, static cs => new SqliteDatabase(cs));
}
