using OrleansTraining.Silo.Tests.Grains;
using OrleansTraining.TestKit;

namespace OrleansTraining.Silo.Tests;

/// <summary>Several nodes serving at once on one PostgreSQL.</summary>
public sealed class ClusterTests
{
    [Fact]
    public async Task Two_nodes_incrementing_one_counter_a_thousand_times_concurrently_end_at_exactly_a_thousand()
    {
        var database = TestDatabase.PostgresConnectionString;
        var key = TestHosts.NewKey();
        await using var nodeA = await TestHosts.StartAsync(StorageKind.Postgres, database);
        await using var nodeB = await TestHosts.StartAsync(StorageKind.Postgres, database);
        var onA = nodeA.GrainFactory.GetGrain<ICounterGrain>(key);
        var onB = nodeB.GrainFactory.GetGrain<ICounterGrain>(key);

        var increments = Enumerable.Range(0, 1000).Select(i => i % 2 == 0 ? onA.IncrementAsync() : onB.IncrementAsync());
        var results = await Task.WhenAll(increments);

        // Every increment saw a distinct value: none was lost and none double-counted.
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => (long)i), results.Order());
        await using var fresh = await TestHosts.StartAsync(StorageKind.Postgres, database);
        Assert.Equal(1000, await fresh.GrainFactory.GetGrain<ICounterGrain>(key).GetAsync());
    }

    [Fact]
    public async Task A_write_on_one_node_refreshes_the_cached_activation_on_another()
    {
        var database = TestDatabase.PostgresConnectionString;
        var key = TestHosts.NewKey();
        await using var nodeA = await TestHosts.StartAsync(StorageKind.Postgres, database);
        await using var nodeB = await TestHosts.StartAsync(StorageKind.Postgres, database);
        var onA = nodeA.GrainFactory.GetGrain<ICounterGrain>(key);
        Assert.Equal(0, await onA.GetAsync());

        await nodeB.GrainFactory.GetGrain<ICounterGrain>(key).IncrementOnceAsync();

        await Eventually.TrueAsync(() => onA.GetAsync().Result == 1, "node A saw node B's write");
        Assert.Equal(2, await onA.IncrementOnceAsync());
    }

    [Fact]
    public async Task After_losing_its_notification_connection_a_node_re_syncs_instead_of_serving_stale_state()
    {
        var database = TestDatabase.PostgresConnectionString;
        var key = TestHosts.NewKey();
        await using var node = await TestHosts.StartAsync(StorageKind.Postgres, database);
        var counter = node.GrainFactory.GetGrain<ICounterGrain>(key);
        await counter.IncrementOnceAsync();

        // A change that announces nothing, as if its notification was lost with the connection.
        await PostgresAdmin.ExecuteAsync(
            "UPDATE grain_state SET payload = '{\"value\": 41}'::jsonb, version = version + 1 WHERE grain_type = 'counter' AND grain_key = @key",
            ("key", key));
        Assert.Equal(1, await counter.GetAsync());

        var connectionsBefore = node.Node.ListenerConnections;
        await PostgresAdmin.ExecuteAsync("SELECT pg_terminate_backend(@pid)", ("pid", node.Node.ListenerBackendProcessId));
        await Eventually.TrueAsync(() => node.Node.ListenerConnections > connectionsBefore, "the listener reconnected");

        Assert.Equal(41, await counter.GetAsync());
        Assert.Equal(42, await counter.IncrementOnceAsync());
    }
}
