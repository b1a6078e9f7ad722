namespace OrleansTraining.Silo.Runtime;

/// <summary>The runtime's view of a persistent state: load it before the first call, reload it when stale.</summary>
internal interface IStateLoader
{
    string StateName { get; }

    string? Etag { get; }

    Task ReadStateAsync();
}
