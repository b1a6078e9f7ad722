namespace OrleansTraining.Silo.Tests.Grains;

[GrainType(TypeName)]
public sealed class CounterGrain : Grain, ICounterGrain
{
    public const string TypeName = "test-counter";
    public const string StateName = "counter";

    private readonly IPersistentState<CounterState> _state;

    public CounterGrain([PersistentState(StateName, TrainingSilo.StorageName)] IPersistentState<CounterState> state)
    {
        _state = state;
    }

    public async Task<int> Increment(string caller)
    {
        var state = _state.State;
        state.Value++;
        state.ByCaller = state.ByCaller.SetItem(caller, state.ByCaller.GetValueOrDefault(caller) + 1);
        state.Mood = CounterMood.Busy;
        await _state.WriteStateAsync();
        return state.Value;
    }

    public Task<int> Get() => Task.FromResult(_state.State.Value);

    public Task<int> GetByCaller(string caller) => Task.FromResult(_state.State.ByCaller.GetValueOrDefault(caller));

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
