using System.Collections.Immutable;

namespace OrleansTraining.Grains.Common.Audit;

/// <summary>
/// The entries an audited state still holds, with the sequence number of the oldest. They are the newest
/// <c>Audit.Length</c> of the <c>AuditCount</c> entries ever recorded, so the n-th pending entry is number
/// <see cref="FirstSequence"/> + n. A state stored before the log existed has no count: its whole trail is pending,
/// numbered from 1.
/// </summary>
internal readonly record struct AuditPending(long FirstSequence, ImmutableArray<AuditEntry> Entries)
{
    /// <summary>Entries ever recorded: the newest entry's number.</summary>
    public long Count => FirstSequence + Entries.Length - 1;

    public static AuditPending Of(IAuditedState<object> state)
    {
        var entries = state.Audit.IsDefault ? [] : state.Audit;
        var count = Math.Max(state.AuditCount, entries.Length);
        return new AuditPending(count - entries.Length + 1, entries);
    }

    /// <summary>The entries numbered above <paramref name="sequence"/> (those not yet known to be in the log).</summary>
    public AuditPending After(long sequence)
    {
        var drop = (int)Math.Clamp(sequence - FirstSequence + 1, 0, Entries.Length);
        return drop == 0 ? this : new AuditPending(FirstSequence + drop, Entries.RemoveRange(0, drop));
    }
}
