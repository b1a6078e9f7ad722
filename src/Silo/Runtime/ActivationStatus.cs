namespace OrleansTraining.Silo.Runtime;

internal enum ActivationStatus
{
    /// <summary>Loading state and running OnActivateAsync; calls wait in the mailbox.</summary>
    Activating,

    Valid,

    /// <summary>Running OnDeactivateAsync; calls wait and then go to a fresh activation.</summary>
    Deactivating,

    /// <summary>Gone from the catalog; a caller that still holds it looks the grain up again.</summary>
    Invalid,
}
