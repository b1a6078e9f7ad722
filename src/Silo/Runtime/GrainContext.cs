namespace OrleansTraining.Silo.Runtime;

/// <summary>What the runtime knows about one activation's grain: identity, runtime and its persistent states.</summary>
internal sealed class GrainContext(GrainId id, GrainRuntime runtime, Activation activation)
{
    private readonly List<IStateLoader> _states = [];

    public GrainId Id { get; } = id;

    public GrainRuntime Runtime { get; } = runtime;

    public Activation Activation { get; } = activation;

    public IReadOnlyList<IStateLoader> States => _states;

    public void AddState(IStateLoader state) => _states.Add(state);
}
