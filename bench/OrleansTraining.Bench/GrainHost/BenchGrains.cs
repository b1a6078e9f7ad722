using OrleansTraining.Silo;

namespace OrleansTraining.Bench.GrainHost;

public interface IPingGrain : IGrainWithStringKey
{
    Task PingAsync();

    Task<int> AddAsync(int value);
}

public sealed class PingGrain : Grain, IPingGrain
{
    private int _total;

    public Task PingAsync() => Task.CompletedTask;

    public Task<int> AddAsync(int value) => Task.FromResult(_total += value);
}

public sealed record TallyState
{
    public long Count { get; init; }
}

public interface ITallyGrain : IGrainWithStringKey
{
    Task<long> RecordAsync();
}

/// <summary>Writes its state on every call: the unit of the writes/s figures.</summary>
public sealed class TallyGrain([PersistentState("tally")] IPersistentState<TallyState> tally) : Grain, ITallyGrain
{
    public async Task<long> RecordAsync()
    {
        tally.State = tally.State with { Count = tally.State.Count + 1 };
        await tally.WriteStateAsync();
        return tally.State.Count;
    }
}
