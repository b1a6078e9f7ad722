namespace OrleansTraining.Silo.Reminders;

/// <summary>Durable reminders, claimed with a lease so that with several nodes each tick is delivered by one of them.</summary>
public interface IReminderTable
{
    /// <summary>Registers or moves a reminder; clears any lease and bumps its version.</summary>
    Task<ReminderEntry> UpsertAsync(GrainId grainId, string name, DateTimeOffset dueAt, TimeSpan? period, CancellationToken cancellationToken = default);

    Task<ReminderEntry?> ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken = default);

    Task<bool> RemoveAsync(GrainId grainId, string name, CancellationToken cancellationToken = default);

    /// <summary>Takes up to <paramref name="max"/> due reminders that no live lease holds, leasing them to <paramref name="owner"/>.</summary>
    Task<IReadOnlyList<ReminderEntry>> ClaimDueAsync(DateTimeOffset now, string owner, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken = default);

    /// <summary>After delivery: moves a periodic reminder to <paramref name="nextDue"/> or deletes a one-shot, unless it was re-registered meanwhile.</summary>
    Task CompleteAsync(ReminderEntry claimed, string owner, DateTimeOffset? nextDue, CancellationToken cancellationToken = default);

    /// <summary>After a failed delivery: gives the lease back so the tick is tried again.</summary>
    Task ReleaseAsync(ReminderEntry claimed, string owner, CancellationToken cancellationToken = default);
}
