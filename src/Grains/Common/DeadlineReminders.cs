namespace OrleansTraining.Grains.Common;

/// <summary>
/// Deadlines on Orleans reminders. A reminder always has a period; a deadline fires once at its time and the grain
/// unregisters it when handled, so the daily period only matters if handling failed (it is then tried again).
/// </summary>
internal static class DeadlineReminders
{
    public static readonly TimeSpan RetryPeriod = TimeSpan.FromDays(1);

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
