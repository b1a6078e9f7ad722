using Orleans;
using Orleans.Runtime;
using OrleansTraining.Grains.Common;

namespace OrleansTraining.Bench.GrainHost;

/// <summary>A bare Orleans grain: the baseline our call path is compared with.</summary>
public interface IBarePingGrain : IGrainWithStringKey
{
    Task<int> PingAsync(int value);
}

public sealed class BarePingGrain : Grain, IBarePingGrain
{
    public Task<int> PingAsync(int value) => Task.FromResult(value);
}

/// <summary>A grain shaped like ours: persistent state in the project's store, a TimeProvider, an immutable result.</summary>
public interface ITallyGrain : IGrainWithStringKey
{
    Task<int> PingAsync(int value);

    Task<long> RecordAsync();
}

[GenerateSerializer, Immutable, Alias("bench.TallyState")]
public sealed record TallyState
{
    [Id(0)]
    public long Count { get; init; }
}

public sealed class TallyGrain([PersistentState("tally", GrainStorage.Name)] IPersistentState<TallyState> state, TimeProvider time) : Grain, ITallyGrain
{
    public Task<int> PingAsync(int value) => Task.FromResult(time.GetUtcNow().Ticks > 0 ? value : -value);

    public async Task<long> RecordAsync()
    {
        state.State = state.State with { Count = state.State.Count + 1 };
        await state.WriteStateAsync();
        return state.State.Count;
    }
}
