namespace OrleansTraining.Grains.Common;

/// <summary>
/// Deadlines on Orleans reminders. A reminder always has a period; a deadline fires once at its time and the grain
/// unregisters it when handled, so the period only matters when that first tick did not happen or failed: then the
/// deadline is tried again one period later. Orleans never fires a missed tick late: a reminder whose due time passed
/// while no live silo owned it (its silo had died and was not yet declared dead, or every silo was down), or whose tick
/// failed because the grain's activation was on a node that had just died, next fires at due time + a whole period.
/// The period is therefore Orleans' minimum, a minute, not a day: deadlines due in the seconds after a node is killed
/// (in the cluster tests, between a quarter and most of them) would otherwise escalate a day late.
/// </summary>
internal static class DeadlineReminders
{
    public static readonly TimeSpan RetryPeriod = TimeSpan.FromMinutes(1);

    public static Task RegisterDeadlineAsync(this Grain grain, string name, DateTimeOffset dueAt, TimeProvider time)
    {
        var due = dueAt - time.GetUtcNow();
        return grain.RegisterOrUpdateReminder(name, due > TimeSpan.Zero ? due : TimeSpan.Zero, RetryPeriod);
    }

    public static async Task UnregisterIfPresentAsync(this Grain grain, string name)
    {
        if (await grain.GetReminder(name) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
    }
}
