namespace OrleansTraining.Silo.Storage;

/// <summary>Storage providers by the name grains give in [PersistentState(stateName, storageName)].</summary>
internal sealed class StorageRegistry(IGrainStorage defaultStorage, IReadOnlyDictionary<string, IGrainStorage> named)
{
    public const string DefaultName = "Default";

    public IGrainStorage Get(string? storageName)
    {
        if (storageName is null || storageName == DefaultName)
        {
            return defaultStorage;
        }

        return named.TryGetValue(storageName, out var storage)
            ? storage
            : throw new InvalidOperationException($"No grain storage named '{storageName}' is registered with the grain host.");
    }
}
