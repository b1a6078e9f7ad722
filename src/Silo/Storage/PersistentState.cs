using System.Diagnostics;
using System.Text.Json;
using OrleansTraining.Silo.Runtime;

namespace OrleansTraining.Silo.Storage;

/// <summary>A grain's handle on one named piece of persisted state.</summary>
internal sealed class PersistentState<TState> : IPersistentState<TState>, IStateLoader
{
    private readonly GrainId _grainId;
    private readonly IGrainStorage _storage;
    private readonly Activation _owner;
    private TState? _state;

    public PersistentState(GrainId grainId, string stateName, IGrainStorage storage, Activation owner)
    {
        _grainId = grainId;
        StateName = stateName;
        _storage = storage;
        _owner = owner;
    }

    public string StateName { get; }

    public TState State
    {
        get => _state ??= CreateEmpty();
        set => _state = value ?? throw new ArgumentNullException(nameof(value), "Grain state cannot be null; use ClearStateAsync to remove it.");
    }

    public string? Etag { get; private set; }

    public bool RecordExists { get; private set; }

    public async Task ReadStateAsync()
    {
        var started = Stopwatch.GetTimestamp();
        var stored = await _storage.ReadAsync(_grainId, StateName).ConfigureAwait(false);
        SiloTelemetry.StorageReadDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        Etag = stored?.Etag;
        RecordExists = stored?.Payload is not null;
        _state = RecordExists ? Deserialize(stored!.Payload!) : CreateEmpty();
    }

    public async Task WriteStateAsync()
    {
        var payload = JsonSerializer.Serialize(State, StateJson.Options);
        var started = Stopwatch.GetTimestamp();
        try
        {
            Etag = await _storage.WriteAsync(_grainId, StateName, payload, Etag).ConfigureAwait(false);
            RecordExists = true;
        }
        catch (InconsistentStateException)
        {
            SiloTelemetry.EtagConflicts.Add(1, new KeyValuePair<string, object?>("grain.type", _grainId.Type));
            _owner.MarkStale();
            throw;
        }
        finally
        {
            SiloTelemetry.StorageWriteDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    public async Task ClearStateAsync()
    {
        try
        {
            Etag = await _storage.ClearAsync(_grainId, StateName, Etag).ConfigureAwait(false);
        }
        catch (InconsistentStateException)
        {
            SiloTelemetry.EtagConflicts.Add(1, new KeyValuePair<string, object?>("grain.type", _grainId.Type));
            _owner.MarkStale();
            throw;
        }

        RecordExists = false;
        _state = CreateEmpty();
    }

    private TState Deserialize(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<TState>(payload, StateJson.Options)
                ?? throw new JsonException("The stored payload is JSON null.");
        }
        catch (JsonException exception)
        {
            throw new InvalidOperationException(
                $"State '{StateName}' of grain {_grainId} is stored in a shape {typeof(TState).Name} cannot read: {exception.Message}", exception);
        }
    }

    private static TState CreateEmpty()
    {
        try
        {
            return Activator.CreateInstance<TState>();
        }
        catch (MissingMethodException exception)
        {
            throw new InvalidOperationException($"Grain state type {typeof(TState).Name} needs a parameterless constructor for its empty state.", exception);
        }
    }
}
