using OrleansTraining.Silo.Tests.Grains;
using OrleansTraining.TestKit;

namespace OrleansTraining.Silo.Tests;

public sealed class TurnTests
{
    [Fact]
    public async Task Calls_to_one_grain_run_one_at_a_time_in_arrival_order()
    {
        await using var silo = await TestHosts.StartAsync(StorageKind.InMemory);
        var grain = silo.GrainFactory.GetGrain<IProbeGrain>(TestHosts.NewKey());

        var calls = Enumerable.Range(0, 50).Select(i => grain.AppendAsync(i, TimeSpan.FromMilliseconds(i % 3))).ToArray();
        await Task.WhenAll(calls);

        Assert.Equal(Enumerable.Range(0, 50), await grain.GetOrderAsync());
        Assert.Equal(1, await grain.ConcurrentCallsSeenAsync());
    }

    [Fact]
    public async Task An_exception_reaches_the_caller_with_its_type_and_message_and_the_grain_stays_usable()
    {
        await using var silo = await TestHosts.StartAsync(StorageKind.InMemory);
        var grain = silo.GrainFactory.GetGrain<IProbeGrain>(TestHosts.NewKey());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.ThrowAsync("no venue left"));

        Assert.Equal("no venue left", error.Message);
        Assert.Equal(42, await grain.EchoAsync(42));
    }

    [Fact]
    public async Task A_call_past_the_response_timeout_fails_with_a_TimeoutException_naming_grain_and_method()
    {
        var time = new FakeTimeProvider();
        await using var silo = await TestHosts.StartAsync(StorageKind.InMemory, time: time, options: o => o.ResponseTimeout = TimeSpan.FromSeconds(30));
        var key = TestHosts.NewKey();
        var grain = silo.GrainFactory.GetGrain<IProbeGrain>(key);
        await grain.EchoAsync(1);

        var call = grain.BlockAsync(TimeSpan.FromSeconds(2));
        time.Advance(TimeSpan.FromSeconds(31));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => call);
        Assert.Contains("IProbeGrain.BlockAsync", error.Message);
        Assert.Contains("probe", error.Message);
        Assert.Contains(key, error.Message);
    }

    [Fact]
    public async Task A_call_cycle_re_enters_within_its_own_call_chain_instead_of_deadlocking()
    {
        await using var silo = await TestHosts.StartAsync(StorageKind.InMemory, options: o => o.ResponseTimeout = TimeSpan.FromSeconds(5));
        var a = TestHosts.NewKey();
        var b = TestHosts.NewKey();

        // A → B → A → B: each hop waits on the previous grain, which is still inside its own call.
        var answer = await silo.GrainFactory.GetGrain<IProbeGrain>(a).PingPongAsync(b, 3);

        Assert.Equal($"{a}>{b}>{a}>{b}", answer);
    }

    [Fact]
    public async Task A_mutable_argument_is_copied_so_the_caller_cannot_change_grain_memory()
    {
        await using var silo = await TestHosts.StartAsync(StorageKind.InMemory);
        var grain = silo.GrainFactory.GetGrain<IProbeGrain>(TestHosts.NewKey());
        var payload = new Payload { Items = ["first"] };

        await grain.KeepPayloadAsync(payload);
        payload.Items.Add("sneaked in");
        var returned = await grain.GetPayloadAsync();
        returned.Items.Add("changed outside");

        Assert.Equal(["first"], (await grain.GetPayloadAsync()).Items);
    }

    [Fact]
    public async Task An_immutable_record_result_is_passed_without_copying()
    {
        await using var silo = await TestHosts.StartAsync(StorageKind.InMemory);
        var grain = silo.GrainFactory.GetGrain<IProbeGrain>(TestHosts.NewKey());

        var snapshot = await grain.GetSnapshotAsync();

        Assert.Equal(["a", "b"], snapshot.Items.ToArray());
        Assert.True(Runtime.DeepCopier.IsImmutable(typeof(Snapshot)));
        Assert.False(Runtime.DeepCopier.IsImmutable(typeof(Payload)));
    }

    [Fact]
    public async Task A_grain_reference_is_a_proxy_not_the_grain_object()
    {
        await using var silo = await TestHosts.StartAsync(StorageKind.InMemory);

        var grain = silo.GrainFactory.GetGrain<IProbeGrain>(TestHosts.NewKey());

        Assert.IsNotType<ProbeGrain>(grain);
        Assert.IsAssignableFrom<Runtime.GrainProxy>(grain);
    }

    [Fact]
    public async Task A_grain_timer_ticks_as_a_turn_on_the_fake_clock()
    {
        var time = new FakeTimeProvider();
        await using var silo = await TestHosts.StartAsync(StorageKind.InMemory, time: time);
        var grain = silo.GrainFactory.GetGrain<IProbeGrain>(TestHosts.NewKey());
        await grain.StartTickingAsync(TimeSpan.FromSeconds(10));

        time.Advance(TimeSpan.FromSeconds(10));
        await Eventually.TrueAsync(() => grain.TicksAsync().Result == 1, "the first tick ran");
        time.Advance(TimeSpan.FromSeconds(10));

        await Eventually.TrueAsync(() => grain.TicksAsync().Result == 2, "the second tick ran");
    }
}
