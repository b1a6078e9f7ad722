using Microsoft.Extensions.Logging;

namespace OrleansTraining.Silo.Runtime;

internal sealed partial class Activation
{
    /// <summary>Creates the grain, loads its state and runs OnActivateAsync; on failure nothing half-activated remains.</summary>
    public async Task ActivateAsync()
    {
        try
        {
            _grain = _runtime.CreateGrain(Context);
            foreach (var state in Context.States)
            {
                await state.ReadStateAsync().ConfigureAwait(false);
            }

            using var cancellation = new CancellationTokenSource(_runtime.Options.ResponseTimeout, _runtime.TimeProvider);
            await _grain.OnActivateAsync(cancellation.Token).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            List<WorkItem> waiting;
            lock (_lock)
            {
                _status = ActivationStatus.Invalid;
                waiting = [.. _queue];
                _queue.Clear();
            }

            _runtime.Catalog.Remove(this);
            LogActivationFailed(_runtime.Logger, exception, Id);
            var error = new GrainActivationException($"Grain {Id} could not be activated: {exception.Message}", exception);
            foreach (var item in waiting)
            {
                item.Fail(error);
            }

            return;
        }

        lock (_lock)
        {
            _status = ActivationStatus.Valid;
        }

        SiloTelemetry.ActivationsCreated.Add(1);
        EndTurn();
    }

    /// <summary>Runs OnDeactivateAsync, leaves the catalog, and sends any calls that arrived meanwhile to a fresh activation.</summary>
    public async Task DeactivateAsync(DeactivationReason reason)
    {
        try
        {
            using var cancellation = new CancellationTokenSource(_runtime.Options.ResponseTimeout, _runtime.TimeProvider);
            await _grain!.OnDeactivateAsync(reason, cancellation.Token).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            LogDeactivationFailed(_runtime.Logger, exception, Id);
        }

        ActivationTimer[] timers;
        List<WorkItem> forwarded;
        lock (_lock)
        {
            timers = [.. _timers];
            _timers.Clear();
            _status = ActivationStatus.Invalid;
            forwarded = [.. _queue];
            _queue.Clear();
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }

        _runtime.Catalog.Remove(this);
        SiloTelemetry.ActivationsRemoved.Add(1);
        LogDeactivated(_runtime.Logger, Id, reason.Code);
        foreach (var item in forwarded)
        {
            _runtime.Forward(Id, item);
        }
    }

    public IGrainTimer RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ActivationTimer(this, callback, _runtime.TimeProvider, dueTime, period);
        lock (_lock)
        {
            _timers.Add(timer);
        }

        return timer;
    }

    internal void RemoveTimer(ActivationTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Grain {GrainId} failed to activate")]
    private static partial void LogActivationFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Grain {GrainId} threw in OnDeactivateAsync")]
    private static partial void LogDeactivationFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Grain {GrainId} deactivated ({Reason})")]
    private static partial void LogDeactivated(ILogger logger, GrainId grainId, DeactivationReasonCode reason);
}
