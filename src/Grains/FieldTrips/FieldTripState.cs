using System.Collections.Immutable;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Common.Audit;

namespace OrleansTraining.Grains.FieldTrips;

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ot.FieldTripState")]
public sealed record FieldTripState : IAuditedState<FieldTripState>, IFollowUpSenderState
{
    public string CourseId { get; init; } = "";

    public string ClassName { get; init; } = "";

    public int TripNumber { get; init; }

    public int TripCount { get; init; }

    public ImmutableArray<FieldTripStopView> Stops { get; init; } = [];

    public int ParticipantCount { get; init; }

    public int ParticipantProvinceCount { get; init; }

    public ImmutableArray<string> CoOrganisers { get; init; } = [];

    public bool Historical { get; init; }

    /// <summary>The cycle unanswered stop requests escalate to; null for a class outside any cycle.</summary>
    public string? CycleId { get; init; }

    /// <summary>Follow-ups already handled, by id: a repeated delivery is only acknowledged again.</summary>
    public ImmutableHashSet<string> HandledFollowUps { get; init; } = [];

    public bool Cancelled { get; init; }

    public string? CancelReason { get; init; }

    /// <summary>Counts the board's changes; new stop requests carry it in their id so a province never sees one id twice.</summary>
    public int Revision { get; init; }

    /// <summary>Stop requests to withdraw, written with the change that dropped them and removed once withdrawn.</summary>
    public ImmutableArray<StopRequestRef> PendingCancellations { get; init; } = [];

    /// <summary>
    /// Who changed what and in which request, oldest first, written with each change (Common/Audit/AuditTrail) and kept
    /// here only until the audit log has it (Common/Audit/AuditFeed).
    /// </summary>
    public ImmutableArray<AuditEntry> Audit { get; init; } = [];

    /// <summary>
    /// Follow-ups to the trip's cycle not yet acknowledged (a stop answer the trip refused, as a board escalation),
    /// written with the refusal and delivered by <see cref="FollowUpOutbox"/>.
    /// </summary>
    public ImmutableArray<FollowUp> Outbox { get; init; } = [];

    public FieldTripState WithAudit(ImmutableArray<AuditEntry> audit, long auditCount) => this with { Audit = audit, AuditCount = auditCount };

    /// <summary>
    /// Audit entries ever recorded (the newest one's sequence number). Its serializer field id comes from its name
    /// (GenerateFieldIds.PublicProperties), so the other fields keep theirs; an explicit [Id] would turn that off for all.
    /// </summary>
    public long AuditCount { get; init; }
}

/// <summary>A stop request at a province, by id.</summary>
[GenerateSerializer, Immutable, Alias("ot.StopRequestRef")]
public sealed record StopRequestRef(string ProvinceCode, string RequestId);
