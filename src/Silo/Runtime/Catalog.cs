using System.Collections.Concurrent;

namespace OrleansTraining.Silo.Runtime;

/// <summary>This node's activations by grain id: creates them on first call, collects the idle ones.</summary>
internal sealed class Catalog
{
    private readonly ConcurrentDictionary<GrainId, Activation> _activations = new();
    private readonly GrainRuntime _runtime;

    public Catalog(GrainRuntime runtime)
    {
        _runtime = runtime;
        SiloTelemetry.Track(this);
    }

    public int Count => _activations.Count;

    public Activation GetOrCreate(GrainId id)
    {
        if (_activations.TryGetValue(id, out var existing))
        {
            return existing;
        }

        var created = new Activation(id, _runtime);
        var winner = _activations.GetOrAdd(id, created);
        if (ReferenceEquals(winner, created))
        {
            // Activation runs off the caller's call chain: its OnActivateAsync is a turn of its own.
            ThreadPool.UnsafeQueueUserWorkItem(static state => _ = ((Activation)state!).ActivateAsync(), created);
        }

        return winner;
    }

    public bool TryGet(GrainId id, out Activation activation) => _activations.TryGetValue(id, out activation!);

    public void Remove(Activation activation) =>
        _activations.TryRemove(new KeyValuePair<GrainId, Activation>(activation.Id, activation));

    public void MarkAllStale()
    {
        foreach (var activation in _activations.Values)
        {
            activation.MarkStale();
        }
    }

    /// <summary>Deactivates every activation idle for at least the collection age; returns how many it started on.</summary>
    public async Task<int> CollectIdleAsync()
    {
        var idleSince = (_runtime.TimeProvider.GetUtcNow() - _runtime.Options.CollectionAge).UtcTicks;
        var deactivations = new List<Task>();
        foreach (var activation in _activations.Values)
        {
            if (activation.TryBeginDeactivation(idleSince, force: false))
            {
                deactivations.Add(activation.DeactivateAsync(new DeactivationReason(DeactivationReasonCode.IdleCollection, "Idle longer than the collection age.")));
            }
        }

        await Task.WhenAll(deactivations).ConfigureAwait(false);
        return deactivations.Count;
    }

    /// <summary>On shutdown: deactivates the idle activations now and the busy ones after their current call.</summary>
    public async Task DeactivateAllAsync(CancellationToken cancellationToken)
    {
        var deactivations = new List<Task>();
        foreach (var activation in _activations.Values)
        {
            if (activation.TryBeginDeactivation(0, force: true))
            {
                deactivations.Add(activation.DeactivateAsync(new DeactivationReason(DeactivationReasonCode.ShuttingDown, "The host is stopping.")));
            }
        }

        await Task.WhenAll(deactivations).WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
