using Orleans.TestingHost;

namespace OrleansTraining.Grains.Tests;

/// <summary>
/// While closed, holds the calls <see cref="Holds"/> picks inside their grain's turn, as a slow change would. A test
/// registers its hold before starting its cluster, whose silos take it up as a call filter. One registered hold per
/// kind (the static is per <typeparamref name="TSelf"/>), so test classes running side by side never share one.
/// </summary>
public abstract class HoldCalls<TSelf> : ISiloConfigurator, IIncomingGrainCallFilter
    where TSelf : HoldCalls<TSelf>
{
    private static TSelf? _current;
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _closed;

    /// <summary>Completes when a held call has arrived.</summary>
    public Task Held => _held.Task;

    public void Close() => _closed = true;

    public void Open()
    {
        _closed = false;
        _open.TrySetResult();
    }

    public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddIncomingGrainCallFilter(_current!);

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (_closed && Holds(context))
        {
            _held.TrySetResult();
            await _open.Task;
        }

        await context.Invoke();
    }

    protected static TSelf Use(TSelf hold) => _current = hold;

    protected abstract bool Holds(IIncomingGrainCallContext context);
}
