using OrleansTraining.Silo.Runtime;

namespace OrleansTraining.Silo;

/// <summary>
/// Base class of every grain: a virtual actor activated on its first call, one call at a time,
/// deactivated when idle. Shaped after Orleans' Grain.
/// </summary>
public abstract class Grain
{
    private GrainContext? _context;

    internal GrainContext Context =>
        _context ?? throw new InvalidOperationException($"{GetType().Name} was not created by the grain runtime; get grains through IGrainFactory.");

    /// <summary>Creates references to other grains (and to this one).</summary>
    protected IGrainFactory GrainFactory => Context.Runtime;

    /// <summary>The clock the host runs on (a fake one in tests).</summary>
    protected TimeProvider TimeProvider => Context.Runtime.TimeProvider;

    public GrainId GrainId => Context.Id;

    public string GetPrimaryKeyString() => Context.Id.Key;

    internal void Attach(GrainContext context) => _context = context;

    /// <summary>Runs after the grain's persistent state was loaded and before its first call.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs before the activation is dropped (idle, requested or shutting down). Best effort: a crash skips it.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this activation once the current call ends; the next call activates it afresh.</summary>
    protected void DeactivateOnIdle() => Context.Activation.RequestDeactivation();

    /// <summary>A reference to this grain through one of its interfaces, to hand to other grains.</summary>
    protected TGrainInterface AsReference<TGrainInterface>() where TGrainInterface : IGrainWithStringKey =>
        Context.Runtime.GetGrain<TGrainInterface>(Context.Id.Key);

    /// <summary>Registers (or moves) a durable reminder that first fires after <paramref name="dueTime"/>; null period fires once.</summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminderAsync(string reminderName, TimeSpan dueTime, TimeSpan? period = null) =>
        RegisterOrUpdateReminderAsync(reminderName, TimeProvider.GetUtcNow() + dueTime, period);

    /// <summary>Registers (or moves) a durable reminder that first fires at <paramref name="dueAt"/>, a deadline in absolute time.</summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminderAsync(string reminderName, DateTimeOffset dueAt, TimeSpan? period = null)
    {
        EnsureRemindable();
        return Context.Runtime.Reminders.RegisterOrUpdateAsync(Context.Id, reminderName, dueAt, period);
    }

    protected Task UnregisterReminderAsync(string reminderName) =>
        Context.Runtime.Reminders.UnregisterAsync(Context.Id, reminderName);

    protected Task<IGrainReminder?> GetReminderAsync(string reminderName) =>
        Context.Runtime.Reminders.GetAsync(Context.Id, reminderName);

    /// <summary>An activation-local timer whose callbacks run as turns of this grain; gone when the activation is.</summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        Context.Activation.RegisterTimer(callback, dueTime, period);

    private void EnsureRemindable()
    {
        if (this is not IRemindable)
        {
            throw new InvalidOperationException($"Grain {GetType().Name} registers a reminder but does not implement IRemindable.");
        }
    }
}
