using System.Collections.Concurrent;

namespace OrleansTraining.Silo.Storage;

/// <summary>Grain state in a dictionary: for unit tests only (nothing survives the process).</summary>
public sealed class InMemoryGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<(GrainId, string), (string? Payload, long Version)> _records = new();

    public Task<StoredState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken = default) =>
        Task.FromResult(_records.TryGetValue((grainId, stateName), out var record)
            ? new StoredState(record.Payload, record.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : null);

    public Task<string> WriteAsync(GrainId grainId, string stateName, string payload, string? etag, CancellationToken cancellationToken = default) =>
        Task.FromResult(Swap(grainId, stateName, payload, etag)!);

    public Task<string?> ClearAsync(GrainId grainId, string stateName, string? etag, CancellationToken cancellationToken = default) =>
        Task.FromResult(etag is null && !_records.ContainsKey((grainId, stateName)) ? null : Swap(grainId, stateName, null, etag));

    private string Swap(GrainId grainId, string stateName, string? payload, string? etag)
    {
        var key = (grainId, stateName);
        if (etag is null)
        {
            if (!_records.TryAdd(key, (payload, 1)))
            {
                throw EtagConflict.For(grainId, stateName, etag, _records[key].Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return "1";
        }

        var expected = EtagConflict.ParseVersion(etag);
        if (!_records.TryGetValue(key, out var current) || current.Version != expected
            || !_records.TryUpdate(key, (payload, expected + 1), current))
        {
            throw EtagConflict.For(grainId, stateName, etag);
        }

        return (expected + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
