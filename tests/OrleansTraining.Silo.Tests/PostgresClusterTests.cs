using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using OrleansTraining.Silo.Tests.Grains;
using OrleansTraining.Silo.Tests.Infrastructure;
using OrleansTraining.TestKit;

namespace OrleansTraining.Silo.Tests;

/// <summary>A two-silo cluster on PostgreSQL with Orleans' ADO.NET clustering, storage and reminders.</summary>
public sealed class PostgresClusterTests : IClassFixture<PostgresClusterFixture>
{
    private readonly PostgresClusterFixture _cluster;
    private readonly string _key = Guid.NewGuid().ToString("N");

    public PostgresClusterTests(PostgresClusterFixture cluster)
    {
        _cluster = cluster;
    }

    [Fact]
    public async Task Both_silos_are_active_members_of_one_cluster()
    {
        var hosts = await _cluster.ClientA.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);

        Assert.Equal(2, hosts.Count);
    }

    [Fact]
    public async Task State_written_through_one_silo_is_read_through_the_other()
    {
        var counter = _cluster.ClientA.Client.GetGrain<ICounterGrain>(_key);
        for (var i = 0; i < 5; i++)
        {
            await counter.Increment("a");
        }

        await counter.Deactivate();

        // Each silo's own storage provider sees the JSON state the other silo's activation wrote.
        foreach (var silo in new[] { _cluster.SiloA, _cluster.SiloB })
        {
            var state = new GrainState<CounterState>();
            await Storage(silo).ReadStateAsync(CounterGrain.StateName, CounterId(), state);
            Assert.True(state.RecordExists);
            Assert.Equal(5, state.State!.Value);
            Assert.Equal(5, state.State!.ByCaller["a"]);
            Assert.Equal(CounterMood.Busy, state.State!.Mood);
        }

        // And a new activation, wherever it is placed, loads it.
        Assert.Equal(5, await _cluster.ClientB.Client.GetGrain<ICounterGrain>(_key).Get());
    }

    [Fact]
    public async Task A_stale_copy_of_the_state_cannot_overwrite_a_newer_write()
    {
        var counter = _cluster.ClientA.Client.GetGrain<ICounterGrain>(_key);
        await counter.Increment("a");

        // A copy read on silo B, as a duplicate activation there would hold it ...
        var stale = new GrainState<CounterState>();
        await Storage(_cluster.SiloB).ReadStateAsync(CounterGrain.StateName, CounterId(), stale);

        // ... goes stale when the live activation writes again.
        await counter.Increment("a");

        stale.State!.Value = 1000;
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage(_cluster.SiloB).WriteStateAsync(CounterGrain.StateName, CounterId(), stale));
        Assert.NotNull(conflict);
        Assert.Equal(2, await counter.Get());

        var clearConflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage(_cluster.SiloA).ClearStateAsync(CounterGrain.StateName, CounterId(), stale));
        Assert.NotNull(clearConflict);
        Assert.Equal(3, await counter.Increment("a"));
    }

    [Fact]
    public async Task Two_clients_incrementing_concurrently_end_exact()
    {
        const int perClient = 200;
        var fromA = _cluster.ClientA.Client.GetGrain<ICounterGrain>(_key);
        var fromB = _cluster.ClientB.Client.GetGrain<ICounterGrain>(_key);

        await Task.WhenAll(
            Task.WhenAll(Enumerable.Range(0, perClient).Select(_ => fromA.Increment("a"))),
            Task.WhenAll(Enumerable.Range(0, perClient).Select(_ => fromB.Increment("b"))));

        Assert.Equal(2 * perClient, await fromA.Get());
        var stored = new GrainState<CounterState>();
        await Storage(_cluster.SiloB).ReadStateAsync(CounterGrain.StateName, CounterId(), stored);
        Assert.Equal(2 * perClient, stored.State!.Value);
        Assert.Equal(perClient, stored.State!.ByCaller["a"]);
        Assert.Equal(perClient, stored.State!.ByCaller["b"]);
    }

    [Fact]
    public async Task A_reminder_fires()
    {
        await _cluster.ClientB.Client.GetGrain<IReminderGrain>(_key).Start(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        await Eventually.TrueAsync(() => ReminderLog.Count(_key) > 0, "the stored reminder fires", TimeSpan.FromSeconds(60));
    }

    private GrainId CounterId() => GrainId.Create(CounterGrain.TypeName, _key);

    private static IGrainStorage Storage(TestSiloHost silo) =>
        silo.Services.GetRequiredKeyedService<IGrainStorage>(TrainingSilo.StorageName);
}
