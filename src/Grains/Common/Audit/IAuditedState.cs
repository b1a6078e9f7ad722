using System.Collections.Immutable;

namespace OrleansTraining.Grains.Common.Audit;

/// <summary>
/// A grain state that keeps its own audit trail: <c>StateUpdates.UpdateAsync</c> appends an entry for each change in
/// the same write as the change, so neither is stored without the other.
/// </summary>
public interface IAuditedState<out TSelf>
{
    /// <summary>Oldest first; a state stored before auditing existed reads as empty.</summary>
    ImmutableArray<AuditEntry> Audit { get; }

    TSelf WithAudit(ImmutableArray<AuditEntry> audit);
}
