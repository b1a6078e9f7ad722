using OrleansTraining.Silo.Tests.Grains;
using OrleansTraining.TestKit;

namespace OrleansTraining.Silo.Tests;

public sealed class LifecycleTests
{
    [Fact]
    public async Task Idle_activations_are_deactivated_after_the_collection_age_on_the_fake_clock()
    {
        var time = new FakeTimeProvider();
        var log = new ProbeLog();
        await using var silo = await TestHosts.StartAsync(StorageKind.InMemory, time: time, log: log);
        var idleKey = TestHosts.NewKey();
        var busyKey = TestHosts.NewKey();
        await silo.GrainFactory.GetGrain<IProbeGrain>(idleKey).EchoAsync(1);
        await silo.GrainFactory.GetGrain<IProbeGrain>(busyKey).EchoAsync(1);

        time.Advance(TimeSpan.FromMinutes(10));
        await silo.GrainFactory.GetGrain<IProbeGrain>(busyKey).EchoAsync(2);
        time.Advance(TimeSpan.FromMinutes(6));
        await silo.Node.CollectIdleActivationsAsync();

        Assert.Equal(1, log.Count($"deactivate:{idleKey}:IdleCollection"));
        Assert.Equal(0, log.Count($"deactivate:{busyKey}:IdleCollection"));
        Assert.Equal(1, silo.Node.ActivationCount);
    }

    [Fact]
    public async Task The_collector_runs_on_its_own_timer()
    {
        var time = new FakeTimeProvider();
        var log = new ProbeLog();
        await using var silo = await TestHosts.StartAsync(StorageKind.InMemory, time: time, log: log);
        var key = TestHosts.NewKey();
        await silo.GrainFactory.GetGrain<IProbeGrain>(key).EchoAsync(1);

        time.Advance(TimeSpan.FromMinutes(17));

        await Eventually.TrueAsync(() => log.Count($"deactivate:{key}:IdleCollection") == 1, "the idle grain was collected");
    }

    [Fact]
    public async Task DeactivateOnIdle_drops_the_activation_and_the_next_call_activates_it_again_with_its_state()
    {
        await using var silo = await TestHosts.StartAsync(StorageKind.Sqlite);
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>(TestHosts.NewKey());
        await counter.IncrementAsync();

        await counter.DeactivateAsync();
        await Eventually.TrueAsync(() => silo.Node.ActivationCount == 0, "the counter deactivated");

        Assert.Equal(2, await counter.IncrementAsync());
    }

    [Fact]
    public async Task OnActivateAsync_runs_before_the_first_call_and_once()
    {
        var log = new ProbeLog();
        await using var silo = await TestHosts.StartAsync(StorageKind.InMemory, log: log);
        var key = TestHosts.NewKey();
        var grain = silo.GrainFactory.GetGrain<IProbeGrain>(key);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => grain.EchoAsync(i).AsTask()));

        Assert.Equal(1, log.Count($"activate:{key}"));
    }

    [Fact]
    public async Task Stopping_the_host_deactivates_its_grains()
    {
        var log = new ProbeLog();
        var key = TestHosts.NewKey();
        await using (var silo = await TestHosts.StartAsync(StorageKind.InMemory, log: log))
        {
            await silo.GrainFactory.GetGrain<IProbeGrain>(key).EchoAsync(1);
        }

        Assert.Equal(1, log.Count($"deactivate:{key}:ShuttingDown"));
    }
}
