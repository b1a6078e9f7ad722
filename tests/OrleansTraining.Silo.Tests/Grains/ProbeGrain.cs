using System.Collections.Concurrent;
using System.Collections.Immutable;
using OrleansTraining.Silo;

namespace OrleansTraining.Silo.Tests.Grains;

/// <summary>Records what happens to grains so tests can observe lifecycle and ordering from outside.</summary>
public sealed class ProbeLog
{
    public ConcurrentQueue<string> Events { get; } = new();

    public void Add(string entry) => Events.Enqueue(entry);

    public int Count(string entry) => Events.Count(e => e == entry);
}

public sealed class Payload
{
    public List<string> Items { get; set; } = [];
}

public sealed record Snapshot(string Name, ImmutableArray<string> Items);

public interface IProbeGrain : IGrainWithStringKey
{
    Task AppendAsync(int value, TimeSpan delay);

    Task<ImmutableArray<int>> GetOrderAsync();

    Task<int> ConcurrentCallsSeenAsync();

    Task ThrowAsync(string message);

    ValueTask<int> EchoAsync(int value);

    Task BlockAsync(TimeSpan duration);

    Task<int> KeepPayloadAsync(Payload payload);

    Task<Payload> GetPayloadAsync();

    Task<Snapshot> GetSnapshotAsync();

    Task<string> PingPongAsync(string partnerKey, int depth);

    Task StartTickingAsync(TimeSpan period);

    Task<int> TicksAsync();
}

public sealed class ProbeGrain(ProbeLog log) : Grain, IProbeGrain
{
    private readonly List<int> _order = [];
    private readonly Payload _kept = new();
    private int _inside;
    private int _maxInside;
    private int _ticks;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        log.Add($"activate:{GetPrimaryKeyString()}");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        log.Add($"deactivate:{GetPrimaryKeyString()}:{reason.Code}");
        return Task.CompletedTask;
    }

    public async Task AppendAsync(int value, TimeSpan delay)
    {
        _maxInside = Math.Max(_maxInside, Interlocked.Increment(ref _inside));
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay);
        }
        else
        {
            await Task.Yield();
        }

        _order.Add(value);
        Interlocked.Decrement(ref _inside);
    }

    public Task<ImmutableArray<int>> GetOrderAsync() => Task.FromResult(_order.ToImmutableArray());

    public Task<int> ConcurrentCallsSeenAsync() => Task.FromResult(_maxInside);

    public Task ThrowAsync(string message) => throw new InvalidOperationException(message);

    public ValueTask<int> EchoAsync(int value) => ValueTask.FromResult(value);

    public Task BlockAsync(TimeSpan duration) => Task.Delay(duration);

    public Task<int> KeepPayloadAsync(Payload payload)
    {
        _kept.Items = payload.Items;
        return Task.FromResult(payload.Items.Count);
    }

    public Task<Payload> GetPayloadAsync() => Task.FromResult(_kept);

    public Task<Snapshot> GetSnapshotAsync() => Task.FromResult(new Snapshot(GetPrimaryKeyString(), ["a", "b"]));

    public async Task<string> PingPongAsync(string partnerKey, int depth)
    {
        if (depth == 0)
        {
            return GetPrimaryKeyString();
        }

        var partner = GrainFactory.GetGrain<IProbeGrain>(partnerKey);
        var answer = await partner.PingPongAsync(GetPrimaryKeyString(), depth - 1);
        return $"{GetPrimaryKeyString()}>{answer}";
    }

    public Task StartTickingAsync(TimeSpan period)
    {
        RegisterGrainTimer(_ => { _ticks++; return Task.CompletedTask; }, period, period);
        return Task.CompletedTask;
    }

    public Task<int> TicksAsync() => Task.FromResult(_ticks);
}
