using OrleansTraining.Silo;

namespace OrleansTraining.Silo.Tests.Grains;

public sealed record BrokenState
{
    public int Value { get; init; }
}

public interface IBrokenGrain : IGrainWithStringKey
{
    Task<int> GetAsync();
}

/// <summary>Its state is stored under a shape it cannot read, so activation must fail cleanly.</summary>
public sealed class BrokenGrain([PersistentState("broken")] IPersistentState<BrokenState> state) : Grain, IBrokenGrain
{
    public Task<int> GetAsync() => Task.FromResult(state.State.Value);
}
