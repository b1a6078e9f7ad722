using OrleansTraining.TestKit;

namespace OrleansTraining.Silo.Tests.Infrastructure;

/// <summary>
/// Two silos and two clients on a fresh PostgreSQL database, all configured by AddTrainingSilo / AddTrainingClient.
/// Shared by the tests of one class; each test uses its own grain keys.
/// </summary>
public sealed class PostgresClusterFixture : IAsyncLifetime
{
    private readonly List<TestSiloHost> _hosts = [];

    internal TestSiloHost SiloA { get; private set; } = null!;

    internal TestSiloHost SiloB { get; private set; } = null!;

    internal TestSiloHost ClientA { get; private set; } = null!;

    internal TestSiloHost ClientB { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var database = await TestDatabase.NewPostgresDatabaseAsync();
        var clusterId = $"pg-{Guid.NewGuid():N}";

        // Both silos start together on the empty database: both run the migrations, under the advisory lock.
        var silos = await Task.WhenAll(
            TestSiloHost.StartSiloAsync(TestSiloHost.Settings("Postgres", database, clusterId)),
            TestSiloHost.StartSiloAsync(TestSiloHost.Settings("Postgres", database, clusterId)));
        _hosts.AddRange(silos);
        (SiloA, SiloB) = (silos[0], silos[1]);

        ClientA = Track(await TestSiloHost.StartClientAsync(TestSiloHost.Settings("Postgres", database, clusterId)));
        ClientB = Track(await TestSiloHost.StartClientAsync(TestSiloHost.Settings("Postgres", database, clusterId)));
    }

    public async Task DisposeAsync()
    {
        foreach (var host in Enumerable.Reverse(_hosts))
        {
            await host.DisposeAsync();
        }
    }

    private TestSiloHost Track(TestSiloHost host)
    {
        _hosts.Add(host);
        return host;
    }
}
