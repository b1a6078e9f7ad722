using System.Collections.Immutable;

namespace OrleansTraining.Grains.Common.Audit;

/// <summary>
/// A grain state that records its own audit entries: <c>StateUpdates.UpdateAsync</c> appends an entry for each change in
/// the same write as the change, so neither is stored without the other. The entries wait there (pending) until
/// <see cref="AuditFeed"/> has appended them to the <see cref="IAuditLog"/>, and leave at the grain's next write.
/// </summary>
public interface IAuditedState<out TSelf>
{
    /// <summary>The pending entries, oldest first; a state stored before auditing existed reads as empty.</summary>
    ImmutableArray<AuditEntry> Audit { get; }

    /// <summary>
    /// Entries ever recorded for the grain (the newest one's sequence number); 0 in a state stored before the audit log,
    /// whose <see cref="Audit"/> then holds its whole trail (see <see cref="AuditPending"/>).
    /// </summary>
    long AuditCount { get; }

    TSelf WithAudit(ImmutableArray<AuditEntry> audit, long auditCount);
}
