using System.Reflection;

namespace OrleansTraining.Silo.Runtime;

/// <summary>
/// A grain reference: implements the grain interface and turns each call into a message for the grain's
/// activation. Public and unsealed only because DispatchProxy derives the concrete proxy type from it.
/// </summary>
public class GrainProxy : DispatchProxy
{
    private GrainRuntime? _runtime;

    /// <summary>The grain this reference points at.</summary>
    public GrainId GrainId { get; private set; }

    internal void Bind(GrainRuntime runtime, GrainId grainId)
    {
        _runtime = runtime;
        GrainId = grainId;
    }

    public override string ToString() => $"GrainReference({GrainId})";

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        _runtime!.InvokeFromProxy(GrainId, targetMethod!, args ?? []);
}
