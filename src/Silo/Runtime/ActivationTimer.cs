namespace OrleansTraining.Silo.Runtime;

/// <summary>A grain timer: each tick is queued as a turn of its activation, so it never runs beside a call.</summary>
internal sealed class ActivationTimer : IGrainTimer
{
    private readonly Activation _activation;
    private readonly Func<CancellationToken, Task> _callback;
    private readonly ITimer _timer;
    private readonly CancellationTokenSource _disposed = new();
    private int _tickPending;

    public ActivationTimer(Activation activation, Func<CancellationToken, Task> callback, TimeProvider timeProvider, TimeSpan dueTime, TimeSpan period)
    {
        _activation = activation;
        _callback = callback;
        _timer = timeProvider.CreateTimer(static state => ((ActivationTimer)state!).OnTick(), this, dueTime, period);
    }

    public void Change(TimeSpan dueTime, TimeSpan period) => _timer.Change(dueTime, period);

    public void Dispose()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        _disposed.Cancel();
        _timer.Dispose();
        _activation.RemoveTimer(this);
    }

    private void OnTick()
    {
        // Ticks do not pile up behind a slow callback: at most one waits in the mailbox.
        if (_disposed.IsCancellationRequested || Interlocked.Exchange(ref _tickPending, 1) == 1)
        {
            return;
        }

        _activation.TryEnqueue(new TickWorkItem(this));
    }

    private sealed class TickWorkItem(ActivationTimer timer) : WorkItem(chain: null)
    {
        private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override string DisplayName => "timer tick";

        public override Task Completion => _completion.Task;

        public override Task Execute(Grain grain)
        {
            Volatile.Write(ref timer._tickPending, 0);
            if (timer._disposed.IsCancellationRequested)
            {
                return Task.CompletedTask;
            }

            try
            {
                return timer._callback(timer._disposed.Token);
            }
            catch (Exception exception)
            {
                return Task.FromException(exception);
            }
        }

        public override void Complete(Task finished) => _completion.TrySetResult();

        public override void Fail(Exception exception) => _completion.TrySetResult();
    }
}
