namespace OrleansTraining.Silo.Storage;

/// <summary>A stored state record. A null payload is a cleared record that keeps its version (so etags never repeat).</summary>
public sealed record StoredState(string? Payload, string Etag);

/// <summary>
/// Keeps grain state as JSON with a version per (grain type, key, state name). Writes are conditional on the
/// etag the writer read; a mismatch throws <see cref="InconsistentStateException"/> and writes nothing.
/// </summary>
public interface IGrainStorage
{
    Task<StoredState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken = default);

    /// <summary>Writes <paramref name="payload"/> if storage still holds <paramref name="etag"/> (null: no record yet); returns the new etag.</summary>
    Task<string> WriteAsync(GrainId grainId, string stateName, string payload, string? etag, CancellationToken cancellationToken = default);

    /// <summary>Clears the record if storage still holds <paramref name="etag"/>; returns the new etag (null when there was nothing).</summary>
    Task<string?> ClearAsync(GrainId grainId, string stateName, string? etag, CancellationToken cancellationToken = default);
}
