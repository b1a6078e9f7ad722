namespace OrleansTraining.Silo.Storage;

internal static class EtagConflict
{
    public static InconsistentStateException For(GrainId grainId, string stateName, string? etag, string? storedEtag = null) =>
        new($"State '{stateName}' of grain {grainId} was written by someone else since it was read (etag {etag ?? "none"}"
            + (storedEtag is null ? ")." : $", stored {storedEtag})."),
            storedEtag,
            etag);

    public static long ParseVersion(string etag) =>
        long.TryParse(etag, out var version) ? version : throw new ArgumentException($"'{etag}' is not an etag this storage issued.", nameof(etag));
}
