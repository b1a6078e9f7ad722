using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansTraining.Grains.Common.Audit;
using OrleansTraining.Silo.Sqlite;

namespace OrleansTraining.Silo.Audit;

/// <summary>Registers the audit log beside the grain storage, on the same database (replacing any earlier one).</summary>
public static class AuditLogSiloBuilderExtensions
{
    public static ISiloBuilder AddSqliteAuditLog(this ISiloBuilder silo, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        silo.Services.TryAddSingleton<SqliteDatabases>();
        silo.Services.AddSingleton<IAuditLog>(services => new SqliteAuditLog(services.GetRequiredService<SqliteDatabases>().Get(connectionString)));
        return silo;
    }

    /// <summary>The schema (migration 0005) is applied by the silo's PostgreSQL migration with the rest.</summary>
    public static ISiloBuilder AddPostgresAuditLog(this ISiloBuilder silo, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        silo.Services.AddSingleton<IAuditLog>(_ => new PostgresAuditLog(connectionString));
        return silo;
    }
}
