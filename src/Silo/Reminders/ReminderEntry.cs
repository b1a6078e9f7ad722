namespace OrleansTraining.Silo.Reminders;

/// <summary>A stored reminder. Version changes on every registration, so finishing an old tick never undoes a new one.</summary>
public sealed record ReminderEntry(GrainId GrainId, string Name, DateTimeOffset FirstDue, DateTimeOffset DueAt, TimeSpan? Period, long Version)
    : IGrainReminder
{
    public string ReminderName => Name;

    /// <summary>The next due time after <paramref name="now"/>: ticks missed while no node ran are not replayed one by one.</summary>
    public DateTimeOffset? NextDueAfter(DateTimeOffset now)
    {
        if (Period is not { } period || period <= TimeSpan.Zero)
        {
            return null;
        }

        var missed = Math.Max(0, (now - DueAt).Ticks / period.Ticks);
        return DueAt + (period * (missed + 1));
    }
}
