using Microsoft.Extensions.Logging;

namespace OrleansTraining.Silo.Postgres;

/// <summary>
/// Migrates the PostgreSQL schema at the very first silo lifecycle stage, before membership, storage and
/// reminders read their queries from OrleansQuery.
/// </summary>
internal sealed class PostgresSchemaParticipant : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly PostgresMigrator _migrator;

    public PostgresSchemaParticipant(string connectionString, ILogger<PostgresMigrator> logger)
    {
        _migrator = new PostgresMigrator(connectionString, logger);
    }

    public void Participate(ISiloLifecycle observer) =>
        observer.Subscribe(nameof(PostgresSchemaParticipant), ServiceLifecycleStage.First, cancellationToken => _migrator.MigrateAsync(cancellationToken));
}
