namespace OrleansTraining.Silo;

/// <summary>
/// A state write carried an etag that no longer matches storage: another activation (perhaps on another node)
/// wrote first. The activation re-reads its state before its next call; the grain should re-read and decide again.
/// </summary>
public sealed class InconsistentStateException : Exception
{
    public InconsistentStateException(string message, string? storedEtag, string? currentEtag)
        : base(message)
    {
        StoredEtag = storedEtag;
        CurrentEtag = currentEtag;
    }

    /// <summary>The etag storage holds now (null when the record is missing or unknown).</summary>
    public string? StoredEtag { get; }

    /// <summary>The etag the writer carried.</summary>
    public string? CurrentEtag { get; }
}
