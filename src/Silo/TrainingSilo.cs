using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using OrleansTraining.Grains;
using OrleansTraining.Silo.Audit;
using OrleansTraining.Silo.Configuration;
using OrleansTraining.Silo.Postgres;
using OrleansTraining.Silo.Serialization;
using OrleansTraining.Silo.Sqlite;

namespace OrleansTraining.Silo;

/// <summary>The one place that configures this project's silos and clients (see README.md for the keys).</summary>
public static class TrainingSilo
{
    /// <summary>The grain storage every grain's state lives in (<see cref="Grains.Common.GrainStorage.Name"/>).</summary>
    public const string StorageName = Grains.Common.GrainStorage.Name;

    private const string NpgsqlInvariant = "Npgsql";

    /// <summary>
    /// Where a node remembers other grains' activations: 50,000 is far more grains than a national cycle has. Orleans'
    /// default of 1,000,000 preallocates a dictionary that size, and its size gauge walks the whole of it each time the
    /// metrics are read (every second for the dashboard): 2 % of a node's CPU under the load bench.
    /// </summary>
    internal const int DirectoryCacheSize = 50_000;

    public static ISiloBuilder AddTrainingSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var settings = SiloSettings.From(configuration);
        silo.Services.TryAddSingleton(settings);
        silo.Services.AddTrainingGrains(configuration);
        silo.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = settings.ClusterId;
            options.ServiceId = settings.ServiceId;
        });

        if (settings.Provider == StorageProvider.Postgres)
        {
            AddPostgres(silo, settings);
        }
        else
        {
            AddSqlite(silo, settings);
        }

        silo.UseAsDefaultGrainStorage(StorageName);
        silo.Configure<ClusterMembershipOptions>(Failover.ConfigureMembership);
        silo.Configure<GrainDirectoryOptions>(options => options.CacheSize = DirectoryCacheSize);
        silo.Configure<SiloMessagingOptions>(options => Failover.ConfigureMessaging(options, settings.ResponseTimeout));
        silo.AddActivityPropagation();
        // Orleans places each new activation through a Polly pipeline that logs every execution at Information.
        silo.Services.AddLogging(logging => logging.AddFilter("Polly", LogLevel.Warning));
        return silo;
    }

    public static IClientBuilder AddTrainingClient(this IClientBuilder client, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(client);
        var settings = SiloSettings.From(configuration);
        client.Services.TryAddSingleton(settings);
        client.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = settings.ClusterId;
            options.ServiceId = settings.ServiceId;
        });

        if (settings.Provider == StorageProvider.Postgres)
        {
            // Reads membership only; the silos own the schema. Until one has migrated it, connecting is retried.
            client.UseAdoNetClustering(options =>
            {
                options.Invariant = NpgsqlInvariant;
                options.ConnectionString = settings.PostgresConnectionString;
            });
        }
        else
        {
            client.UseLocalhostClustering(settings.GatewayPort, settings.ServiceId, settings.ClusterId);
        }

        client.UseConnectionRetryFilter(new ClusterConnectionRetry());
        client.Configure<ClientMessagingOptions>(options => Failover.ConfigureMessaging(options, settings.ResponseTimeout));
        client.Configure<GatewayOptions>(Failover.ConfigureGateways);
        client.AddActivityPropagation();
        return client;
    }

    private static void AddSqlite(ISiloBuilder silo, SiloSettings settings)
    {
        // One silo on this machine: membership in memory, state and reminders in the file.
        silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, primarySiloEndpoint: null, settings.ServiceId, settings.ClusterId);
        silo.AddSqliteGrainStorage(StorageName, settings.SqliteConnectionString);
        silo.UseSqliteReminderService(settings.SqliteConnectionString);
        silo.AddSqliteAuditLog(settings.SqliteConnectionString);
    }

    /// <summary>
    /// The connection pool sized to the cores (8 per core, at least 16) unless the connection string says otherwise:
    /// with the driver's 100, a burst of writes keeps up to 100 server processes busy on a small machine, and they
    /// commit fewer writes per second than a pool the cores can serve (measured 4x on 2 cores).
    /// </summary>
    internal static string SizedPool(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var given = GivenKeys(connectionString);
        if (!given.Contains("MaximumPoolSize") && !given.Contains("MaxPoolSize"))
        {
            builder.MaxPoolSize = Math.Max(16, 8 * Environment.ProcessorCount);
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// Short timeouts unless the connection string sets them, so that with the database unreachable a grain call
    /// fails (and the gateway answers 503) within seconds instead of the driver's 15 s to connect or wait for a pooled
    /// connection and 30 s per command, which Orleans' 30 s response timeout would cut first. A refused connection
    /// (the server stopped) fails at once anyway; these bound the silent cases (a host or network gone).
    /// </summary>
    internal static string FailFast(string connectionString)
    {
        var given = GivenKeys(connectionString);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("Timeout"))
        {
            builder.Timeout = 5;
        }

        if (!given.Contains("CommandTimeout"))
        {
            builder.CommandTimeout = 10;
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// The driver prepares a statement once a connection has run it twice, unless the connection string says otherwise:
    /// the storage, reminder and audit statements are few and run all day, and a prepared one skips PostgreSQL's parse
    /// and plan on every call.
    /// </summary>
    internal static string AutoPrepared(string connectionString)
    {
        var given = GivenKeys(connectionString);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("MaxAutoPrepare") && !given.Contains("AutoPrepareMinUsages"))
        {
            builder.MaxAutoPrepare = 32;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// The keys a connection string sets, as written without spaces ("Command Timeout" and "CommandTimeout" alike), not
    /// the driver's every known keyword, and never a value that happens to contain a key's name.
    /// </summary>
    private static HashSet<string> GivenKeys(string connectionString) =>
        new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>().Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static void AddPostgres(ISiloBuilder silo, SiloSettings settings)
    {
        // The migration keeps the driver's timeouts: it may wait its turn behind another node's migration.
        var migrationConnectionString = SizedPool(settings.PostgresConnectionString!);
        var connectionString = AutoPrepared(FailFast(migrationConnectionString));
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services =>
            new PostgresSchemaParticipant(migrationConnectionString, services.GetRequiredService<ILogger<PostgresMigrator>>()));
        silo.Configure<EndpointOptions>(options =>
        {
            options.AdvertisedIPAddress = settings.AdvertisedIPAddress;
            options.SiloPort = settings.SiloPort;
            options.GatewayPort = settings.GatewayPort;
        });
        silo.UseAdoNetClustering(options =>
        {
            options.Invariant = NpgsqlInvariant;
            options.ConnectionString = connectionString;
        });
        silo.AddAdoNetGrainStorage(StorageName, options =>
        {
            options.Invariant = NpgsqlInvariant;
            options.ConnectionString = connectionString;
            options.GrainStorageSerializer = new SystemTextJsonGrainStorageSerializer();
        });
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = NpgsqlInvariant;
            options.ConnectionString = connectionString;
        });
        silo.AddPostgresAuditLog(connectionString);
    }
}
