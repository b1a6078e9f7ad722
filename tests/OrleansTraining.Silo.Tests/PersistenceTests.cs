using Microsoft.Extensions.DependencyInjection;
using OrleansTraining.Silo.Hosting;
using OrleansTraining.Silo.Tests.Grains;
using OrleansTraining.TestKit;

namespace OrleansTraining.Silo.Tests;

public sealed class PersistenceTests
{
    public static TheoryData<StorageKind> Databases => [StorageKind.Sqlite, StorageKind.Postgres];

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task State_survives_a_host_restart(StorageKind storage)
    {
        var database = TestHosts.SharedDatabase(storage);
        var key = TestHosts.NewKey();
        await using (var first = await TestHosts.StartAsync(storage, database))
        {
            var counter = first.GrainFactory.GetGrain<ICounterGrain>(key);
            await counter.IncrementAsync();
            await counter.IncrementAsync();
        }

        await using var second = await TestHosts.StartAsync(storage, database);

        Assert.Equal(2, await second.GrainFactory.GetGrain<ICounterGrain>(key).GetAsync());
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_stale_etag_write_throws_and_the_activation_re_reads_before_its_next_call(StorageKind storage)
    {
        var database = TestHosts.SharedDatabase(storage);
        var key = TestHosts.NewKey();

        // Node A does not listen for notifications, so its cached state stays stale until its write fails.
        await using var nodeA = await TestHosts.StartAsync(storage, database, options: o => o.ListenForStateChanges = false);
        await using var nodeB = await TestHosts.StartAsync(storage, database);
        var onA = nodeA.GrainFactory.GetGrain<ICounterGrain>(key);
        var onB = nodeB.GrainFactory.GetGrain<ICounterGrain>(key);
        await onA.IncrementOnceAsync();
        Assert.Equal(1, await onB.GetAsync());
        await onB.IncrementOnceAsync();

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => onA.IncrementOnceAsync());

        Assert.Contains(key, conflict.Message);
        Assert.Equal(2, await onA.GetAsync());
        Assert.Equal(3, await onA.IncrementOnceAsync());
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Clearing_state_removes_the_record_and_keeps_versions_moving(StorageKind storage)
    {
        var database = TestHosts.SharedDatabase(storage);
        var key = TestHosts.NewKey();
        await using var silo = await TestHosts.StartAsync(storage, database);
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>(key);
        await counter.IncrementAsync();
        var etagBefore = await counter.GetEtagAsync();

        await counter.ClearAsync();

        Assert.Equal(0, await counter.GetAsync());
        Assert.NotEqual(etagBefore, await counter.GetEtagAsync());
        var stored = await silo.Services.GetRequiredService<GrainHostBackend>().Storage.ReadAsync(new GrainId("counter", key), "counter");
        Assert.NotNull(stored);
        Assert.Null(stored.Payload);
        Assert.Equal(1, await counter.IncrementAsync());
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_failed_state_read_fails_the_call_clearly_and_leaves_no_half_activated_grain(StorageKind storage)
    {
        var database = TestHosts.SharedDatabase(storage);
        var key = TestHosts.NewKey();
        await using var silo = await TestHosts.StartAsync(storage, database);
        var store = silo.Services.GetRequiredService<GrainHostBackend>().Storage;
        var etag = await store.WriteAsync(new GrainId("broken", key), "broken", "[\"not a BrokenState\"]", null);
        var grain = silo.GrainFactory.GetGrain<IBrokenGrain>(key);

        var error = await Assert.ThrowsAsync<GrainActivationException>(() => grain.GetAsync());

        Assert.Contains($"broken/{key}", error.Message);
        Assert.Contains("BrokenState", error.Message);
        Assert.Equal(0, silo.Node.ActivationCount);

        // Once the record is readable the next call activates afresh.
        await store.WriteAsync(new GrainId("broken", key), "broken", "{\"value\":7}", etag);
        Assert.Equal(7, await grain.GetAsync());
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Several_nodes_starting_at_once_on_an_empty_database_migrate_it_once(StorageKind storage)
    {
        var database = storage == StorageKind.Postgres ? await PostgresAdmin.CreateDatabaseAsync() : TestDatabase.NewSqliteConnectionString();

        var nodes = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => TestHosts.StartAsync(storage, database)));
        try
        {
            Assert.Equal(2, await SchemaQueries.CountMigrationsAsync(storage, database));
            Assert.Equal(1, await nodes[2].GrainFactory.GetGrain<ICounterGrain>(TestHosts.NewKey()).IncrementAsync());
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }
}
