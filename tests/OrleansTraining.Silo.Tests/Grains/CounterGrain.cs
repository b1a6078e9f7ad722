using OrleansTraining.Silo;

namespace OrleansTraining.Silo.Tests.Grains;

public sealed record CounterState
{
    public long Value { get; init; }
}

public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds one, re-reading and re-deciding when another node wrote first.</summary>
    Task<long> IncrementAsync();

    /// <summary>Adds one with a single write attempt: a stale etag surfaces to the caller.</summary>
    Task<long> IncrementOnceAsync();

    Task<long> GetAsync();

    Task<string?> GetEtagAsync();

    Task ClearAsync();

    Task DeactivateAsync();
}

public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> counter) : Grain, ICounterGrain
{
    public async Task<long> IncrementAsync()
    {
        while (true)
        {
            counter.State = counter.State with { Value = counter.State.Value + 1 };
            try
            {
                await counter.WriteStateAsync();
                return counter.State.Value;
            }
            catch (InconsistentStateException)
            {
                await counter.ReadStateAsync();
            }
        }
    }

    public async Task<long> IncrementOnceAsync()
    {
        counter.State = counter.State with { Value = counter.State.Value + 1 };
        await counter.WriteStateAsync();
        return counter.State.Value;
    }

    public Task<long> GetAsync() => Task.FromResult(counter.State.Value);

    public Task<string?> GetEtagAsync() => Task.FromResult(counter.Etag);

    public Task ClearAsync() => counter.ClearStateAsync();

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
