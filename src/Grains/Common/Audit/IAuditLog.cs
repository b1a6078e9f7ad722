using System.Collections.Immutable;

namespace OrleansTraining.Grains.Common.Audit;

/// <summary>
/// The append-only audit log: one row per entry, keyed by (grain id, sequence). Grains record each entry in their
/// state with the change (<see cref="AuditTrail"/>) and <see cref="AuditFeed"/> moves them here in batches, like an
/// outbox; the log keeps the whole history. Implemented on SQLite and PostgreSQL in the silo (Silo/Audit).
/// </summary>
public interface IAuditLog
{
    /// <summary>
    /// Stores <paramref name="entries"/>, numbered from <paramref name="firstSequence"/> on, in one transaction. An entry
    /// already stored under its (grain, sequence) is left as it is, so a batch sent again never adds it twice.
    /// </summary>
    Task AppendAsync(string grainId, long firstSequence, ImmutableArray<AuditEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>
    /// The grain's entries numbered below <paramref name="belowSequence"/>, newest first: <paramref name="take"/> of
    /// them after skipping <paramref name="skip"/>, with how many there are in all.
    /// </summary>
    Task<AuditLogPage> ReadAsync(string grainId, long belowSequence, int skip, int take, CancellationToken cancellationToken = default);
}

/// <summary>A slice of one grain's log, newest first; <see cref="Total"/> counts all its entries the read covered.</summary>
public sealed record AuditLogPage(int Total, ImmutableArray<AuditEntry> Entries);
