namespace OrleansTraining.Silo;

/// <summary>
/// Declares a grain constructor parameter of type <see cref="IPersistentState{TState}"/>: the state's name
/// and the storage provider that keeps it (null: the default provider).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    public string StateName { get; } = stateName;

    public string? StorageName { get; } = storageName;
}
