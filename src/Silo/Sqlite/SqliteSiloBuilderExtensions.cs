using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using SystemTextJsonGrainStorageSerializer = OrleansTraining.Silo.Serialization.SystemTextJsonGrainStorageSerializer;

namespace OrleansTraining.Silo.Sqlite;

/// <summary>Registers the SQLite providers the way Orleans registers its own (keyed grain storage, one reminder table).</summary>
public static class SqliteSiloBuilderExtensions
{
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder silo, string name, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        silo.Services.TryAddSingleton<SqliteDatabases>();
        silo.Services.TryAddSingleton<SystemTextJsonGrainStorageSerializer>();
        silo.Services.AddGrainStorage(
            name,
            (services, storageName) => new SqliteGrainStorage(
                storageName,
                services.GetRequiredService<SqliteDatabases>().Get(connectionString),
                services.GetRequiredService<SystemTextJsonGrainStorageSerializer>(),
                services.GetRequiredService<ILogger<SqliteGrainStorage>>()));
        return silo;
    }

    public static ISiloBuilder UseSqliteReminderService(this ISiloBuilder silo, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        silo.AddReminders();
        silo.Services.TryAddSingleton<SqliteDatabases>();
        silo.Services.AddSingleton<IReminderTable>(services => new SqliteReminderTable(
            services.GetRequiredService<SqliteDatabases>().Get(connectionString),
            services.GetRequiredService<IOptions<ClusterOptions>>()));
        return silo;
    }
}
