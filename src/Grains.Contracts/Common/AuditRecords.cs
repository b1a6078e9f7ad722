using System.Collections.Immutable;

namespace OrleansTraining.Grains.Common;

/// <summary>
/// One field of a state that changed: <see cref="Field"/> is a path ("status", "assignments[o1].status",
/// "unavailableDates[+]" for an added entry, "[-]" for a removed one); the values are JSON text (strings bare), cut
/// to a bounded length, null when absent.
/// </summary>
[GenerateSerializer, Immutable, Alias("ot.AuditChange")]
public sealed record AuditChange(string Field, string? Before, string? After);

/// <summary>
/// One state change of a grain, written in the same state write as the change itself: when, who (actor, role and
/// whom they act for), the request that caused it, the grain, the grain method and what changed.
/// </summary>
[GenerateSerializer, Immutable, Alias("ot.AuditEntry")]
public sealed record AuditEntry(
    DateTimeOffset At,
    string Actor,
    string Role,
    string? ActsFor,
    string? RequestId,
    string Grain,
    string Operation,
    ImmutableArray<AuditChange> Changes);

/// <summary>A page of a grain's audit trail, newest first; <see cref="Total"/> counts the entries kept.</summary>
[GenerateSerializer, Immutable, Alias("ot.AuditPage")]
public sealed record AuditPage(int Page, int PageSize, int Total, ImmutableArray<AuditEntry> Entries);
