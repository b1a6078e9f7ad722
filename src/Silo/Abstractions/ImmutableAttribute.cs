namespace OrleansTraining.Silo;

/// <summary>
/// Marks a type whose instances are never mutated, so grain calls pass it by reference instead of copying it.
/// Records whose fields are all read-only and of immutable types are recognised without it.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Parameter | AttributeTargets.ReturnValue)]
public sealed class ImmutableAttribute : Attribute;
