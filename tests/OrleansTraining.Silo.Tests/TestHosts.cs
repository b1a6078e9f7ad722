using Microsoft.Extensions.DependencyInjection;
using OrleansTraining.Silo.Tests.Grains;
using OrleansTraining.TestKit;

namespace OrleansTraining.Silo.Tests;

/// <summary>Starts nodes that host this project's test grains, with a shared probe log.</summary>
internal static class TestHosts
{
    public static Task<TestSilo> StartAsync(
        StorageKind storage,
        string? connectionString = null,
        TimeProvider? time = null,
        ProbeLog? log = null,
        Action<Hosting.GrainHostOptions>? options = null) =>
        TestSilo.StartAsync(
            storage,
            connectionString,
            time,
            host =>
            {
                host.AddGrains(typeof(CounterGrain).Assembly);
                if (options is not null)
                {
                    host.Configure(options);
                }
            },
            services => services.AddSingleton(log ?? new ProbeLog()));

    /// <summary>A connection string for a database that a second node or a restarted node can share.</summary>
    public static string SharedDatabase(StorageKind storage) => storage switch
    {
        StorageKind.Sqlite => TestDatabase.NewSqliteConnectionString(),
        StorageKind.Postgres => TestDatabase.PostgresConnectionString,
        _ => throw new ArgumentOutOfRangeException(nameof(storage), storage, "In-memory storage is not shared between nodes."),
    };

    public static string NewKey() => Guid.NewGuid().ToString("N");
}
