namespace OrleansTraining.Silo.Runtime;

/// <summary>A message waiting in an activation's mailbox: a queued call or a timer tick.</summary>
internal abstract class WorkItem(CallChain? chain)
{
    /// <summary>The call chain the message belongs to; null for timer ticks (each gets a chain of its own).</summary>
    public CallChain? Chain { get; } = chain;

    public abstract string DisplayName { get; }

    /// <summary>Completes when the work is done, with its outcome.</summary>
    public abstract Task Completion { get; }

    /// <summary>Starts the work on the grain. Never throws.</summary>
    public abstract Task Execute(Grain grain);

    /// <summary>Passes the finished grain task's outcome to whoever waits.</summary>
    public abstract void Complete(Task finished);

    public abstract void Fail(Exception exception);
}

/// <summary>A queued grain call; its caller awaits <see cref="Completion"/>.</summary>
internal sealed class CallWorkItem<TResult>(GrainMethodInvoker invoker, object?[] arguments, CallChain? chain) : WorkItem(chain)
{
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override Task Completion => _completion.Task;

    public override string DisplayName => invoker.DisplayName;

    public override Task Execute(Grain grain) => invoker.Call(grain, arguments);

    public override void Complete(Task finished)
    {
        if (finished.IsFaulted)
        {
            _completion.TrySetException(finished.Exception!.InnerExceptions);
        }
        else if (finished.IsCanceled)
        {
            _completion.TrySetCanceled();
        }
        else
        {
            _completion.TrySetResult(finished is Task<TResult> typed ? typed.Result : default!);
        }
    }

    public override void Fail(Exception exception) => _completion.TrySetException(exception);
}
