namespace OrleansTraining.Silo;

/// <summary>
/// A grain's persisted state, loaded before the grain's first call. Writes carry the etag they read;
/// a stale etag makes <see cref="WriteStateAsync"/> throw <see cref="InconsistentStateException"/>.
/// </summary>
public interface IPersistentState<TState>
{
    TState State { get; set; }

    /// <summary>The version the last read or write saw; null when nothing was ever stored.</summary>
    string? Etag { get; }

    bool RecordExists { get; }

    Task ReadStateAsync();

    Task WriteStateAsync();

    Task ClearStateAsync();
}
