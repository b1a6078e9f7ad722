using Microsoft.Extensions.Logging;

namespace OrleansTraining.Silo.Runtime;

/// <summary>
/// One in-memory instance of a grain with its mailbox. Calls run one at a time in arrival order; a call of the
/// chain that is running now (A → B → A) runs at once instead of waiting for itself. An idle mailbox lets a call
/// run straight on the caller's thread, which keeps a grain call close to a method call in cost.
/// </summary>
internal sealed partial class Activation
{
    private static readonly WaitCallback DrainCallback = static state => _ = ((Activation)state!).DrainAsync();

    private readonly object _lock = new();
    private readonly Queue<WorkItem> _queue = new();
    private readonly GrainRuntime _runtime;
    private readonly List<ActivationTimer> _timers = [];
    private ActivationStatus _status = ActivationStatus.Activating;
    private bool _busy = true; // the activation turn holds the mailbox until the grain is ready
    private CallChain? _runningChain;
    private volatile bool _stale;
    private bool _deactivationRequested;
    private long _lastActiveTicks;
    private Grain? _grain;

    public Activation(GrainId id, GrainRuntime runtime)
    {
        Id = id;
        _runtime = runtime;
        Context = new GrainContext(id, runtime, this);
        _lastActiveTicks = runtime.TimeProvider.GetUtcNow().UtcTicks;
    }

    public GrainId Id { get; }

    public GrainContext Context { get; }

    public ActivationStatus Status
    {
        get
        {
            lock (_lock)
            {
                return _status;
            }
        }
    }

    /// <summary>
    /// Runs or queues a call. Returns null when this activation is gone, so the caller looks the grain up again.
    /// </summary>
    public Task? TryInvoke(GrainMethodInvoker invoker, object?[] arguments, CallChain? callerChain)
    {
        bool reentrant;
        lock (_lock)
        {
            if (_status == ActivationStatus.Invalid)
            {
                return null;
            }

            if (_status == ActivationStatus.Valid && !_busy && !_stale)
            {
                _busy = true;
                _runningChain = callerChain ?? new CallChain();
                reentrant = false;
            }
            else if (callerChain is not null && _busy && ReferenceEquals(callerChain, _runningChain) && _status == ActivationStatus.Valid)
            {
                reentrant = true;
            }
            else
            {
                var item = invoker.CreateWorkItem(arguments, callerChain);
                EnqueueLocked(item);
                return item.Completion;
            }
        }

        var previousChain = CallChain.Current;
        CallChain.Current = _runningChain;
        Task task;
        try
        {
            task = invoker.Call(_grain!, arguments);
        }
        finally
        {
            CallChain.Current = previousChain;
        }

        if (reentrant)
        {
            return task;
        }

        if (task.IsCompleted)
        {
            EndTurn();
        }
        else
        {
            task.ContinueWith(static (_, state) => ((Activation)state!).EndTurn(), this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return task;
    }

    /// <summary>Queues a message (a forwarded call or a timer tick). False when this activation is gone.</summary>
    public bool TryEnqueue(WorkItem item)
    {
        lock (_lock)
        {
            if (_status == ActivationStatus.Invalid)
            {
                return false;
            }

            EnqueueLocked(item);
            return true;
        }
    }

    /// <summary>Another node wrote this grain's state: reload before the next call unless we already hold that version.</summary>
    public void OnRemoteWrite(string stateName, string etag)
    {
        if (Context.States.Any(s => s.StateName == stateName && s.Etag != etag))
        {
            MarkStale();
        }
    }

    /// <summary>The in-memory state may be out of date (a conflict, a missed notification): reload before the next call.</summary>
    public void MarkStale() => _stale = true;

    public void RequestDeactivation()
    {
        lock (_lock)
        {
            _deactivationRequested = true;
        }
    }

    /// <summary>Begins deactivation if the activation is idle and old enough (or <paramref name="force"/>); false if not.</summary>
    public bool TryBeginDeactivation(long idleSinceTicks, bool force)
    {
        lock (_lock)
        {
            if (_status == ActivationStatus.Valid && !_busy && (force || _lastActiveTicks <= idleSinceTicks))
            {
                _busy = true;
                _status = ActivationStatus.Deactivating;
                return true;
            }

            if (force)
            {
                _deactivationRequested = true;
            }

            return false;
        }
    }

    private void EnqueueLocked(WorkItem item)
    {
        _queue.Enqueue(item);
        if (!_busy)
        {
            _busy = true;
            ThreadPool.UnsafeQueueUserWorkItem(DrainCallback, this);
        }
    }

    private void EndTurn()
    {
        var drain = false;
        var deactivate = false;
        lock (_lock)
        {
            _lastActiveTicks = _runtime.TimeProvider.GetUtcNow().UtcTicks;
            if (_deactivationRequested && _status == ActivationStatus.Valid)
            {
                _status = ActivationStatus.Deactivating;
                deactivate = true;
            }
            else if (_queue.Count > 0)
            {
                drain = true;
            }
            else
            {
                _busy = false;
                _runningChain = null;
            }
        }

        if (deactivate)
        {
            _ = DeactivateAsync(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle was called."));
        }
        else if (drain)
        {
            ThreadPool.UnsafeQueueUserWorkItem(DrainCallback, this);
        }
    }

    /// <summary>Runs queued messages one after another until the mailbox is empty.</summary>
    private async Task DrainAsync()
    {
        while (true)
        {
            WorkItem item;
            lock (_lock)
            {
                if (_deactivationRequested && _status == ActivationStatus.Valid)
                {
                    _status = ActivationStatus.Deactivating;
                    break;
                }

                if (_queue.Count == 0)
                {
                    _busy = false;
                    _runningChain = null;
                    return;
                }

                item = _queue.Dequeue();
                _runningChain = item.Chain ?? new CallChain();
            }

            if (_stale && !await TryReloadStateAsync(item).ConfigureAwait(false))
            {
                continue;
            }

            CallChain.Current = _runningChain;
            var task = item.Execute(_grain!);
            CallChain.Current = null;
            try
            {
                await task.ConfigureAwait(false);
            }
            catch
            {
                // The outcome goes to the caller through Complete below; the activation stays usable.
            }

            item.Complete(task);
            lock (_lock)
            {
                _lastActiveTicks = _runtime.TimeProvider.GetUtcNow().UtcTicks;
            }
        }

        await DeactivateAsync(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle was called.")).ConfigureAwait(false);
    }

    private async Task<bool> TryReloadStateAsync(WorkItem waiting)
    {
        _stale = false;
        try
        {
            foreach (var state in Context.States)
            {
                await state.ReadStateAsync().ConfigureAwait(false);
            }

            return true;
        }
        catch (Exception exception)
        {
            _stale = true;
            waiting.Fail(new InvalidOperationException($"Grain {Id} could not reload its state before {waiting.DisplayName}: {exception.Message}", exception));
            return false;
        }
    }
}
