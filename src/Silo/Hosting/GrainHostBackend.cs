using Microsoft.Extensions.Logging;
using Npgsql;
using OrleansTraining.Silo.Cluster;
using OrleansTraining.Silo.Reminders;
using OrleansTraining.Silo.Storage;

namespace OrleansTraining.Silo.Hosting;

/// <summary>The database a node runs on: its state store, reminder table and schema set-up.</summary>
public sealed class GrainHostBackend
{
    public required string Name { get; init; }

    public required IGrainStorage Storage { get; init; }

    public required IReminderTable Reminders { get; init; }

    /// <summary>Creates or upgrades the schema; safe when several nodes start at once.</summary>
    public required Func<CancellationToken, Task> MigrateAsync { get; init; }

    /// <summary>A cheap round trip for the health check.</summary>
    public required Func<CancellationToken, Task> PingAsync { get; init; }

    /// <summary>Releases connections (and flushes pending announcements) when the node stops.</summary>
    public Func<ValueTask> DisposeAsync { get; init; } = () => ValueTask.CompletedTask;

    /// <summary>Set for PostgreSQL: nodes sharing it notify each other of state writes.</summary>
    public NpgsqlDataSource? PostgresDataSource { get; init; }

    public static GrainHostBackend InMemory() => new()
    {
        Name = "in-memory",
        Storage = new InMemoryGrainStorage(),
        Reminders = new InMemoryReminderTable(),
        MigrateAsync = _ => Task.CompletedTask,
        PingAsync = _ => Task.CompletedTask,
    };

    public static GrainHostBackend Sqlite(string connectionString, TimeProvider timeProvider)
    {
        var database = new SqliteDatabase(connectionString);
        return new GrainHostBackend
        {
            Name = "sqlite",
            Storage = new SqliteGrainStorage(database, timeProvider),
            Reminders = new SqliteReminderTable(database),
            MigrateAsync = ct => database.MigrateAsync(SqliteSchema.Migrations, ct),
            PingAsync = async ct =>
            {
                await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
            },
        };
    }

    public static GrainHostBackend Postgres(string connectionString, string nodeId, ILogger? logger = null)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString) { Name = "orleans-training" };

        // The host sends the same few statements all day: prepare them once per connection, and skip the
        // session reset when a connection goes back to the pool (the host sets no session state).
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 32;
        }

        builder.ConnectionStringBuilder.NoResetOnClose = true;

        // Each pooled connection is a server process: on a small server, a hundred of them contending for a few
        // cores commit several times slower than a pool sized to the cores. A pool size given explicitly wins.
        if (!NamesPoolSize(connectionString))
        {
            builder.ConnectionStringBuilder.MaxPoolSize = Math.Max(16, 8 * Environment.ProcessorCount);
        }
        var dataSource = builder.Build();
        var notifier = new PostgresStateNotifier(dataSource, logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        return new GrainHostBackend
        {
            Name = "postgres",
            Storage = new PostgresGrainStorage(dataSource, (grainId, stateName, etag) => notifier.Announce(grainId, stateName, etag, nodeId)),
            Reminders = new PostgresReminderTable(dataSource),
            MigrateAsync = ct => PostgresMigrator.MigrateAsync(dataSource, PostgresSchema.Migrations, ct),
            PingAsync = async ct =>
            {
                await using var command = dataSource.CreateCommand("SELECT 1");
                await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
            },
            PostgresDataSource = dataSource,
            DisposeAsync = async () =>
            {
                await notifier.DisposeAsync().ConfigureAwait(false);
                await dataSource.DisposeAsync().ConfigureAwait(false);
            },
        };
    }

    private static bool NamesPoolSize(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return given.Keys.Cast<string>().Any(key =>
            key.Replace(" ", string.Empty, StringComparison.Ordinal).Equals("MaximumPoolSize", StringComparison.OrdinalIgnoreCase)
            || key.Replace(" ", string.Empty, StringComparison.Ordinal).Equals("MaxPoolSize", StringComparison.OrdinalIgnoreCase));
    }
}
