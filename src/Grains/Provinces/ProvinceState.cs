using System.Collections.Immutable;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Common.Audit;

namespace OrleansTraining.Grains.Provinces;

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ot.ProvinceState")]
public sealed record ProvinceState : IAuditedState<ProvinceState>, IFollowUpSenderState
{
    /// <summary>Seats in the largest hall the province can offer; 0 until configured (then it cannot host).</summary>
    public int VenueCapacity { get; init; }

    public ImmutableArray<DateOnly> UnavailableDates { get; init; } = [];

    /// <summary>Courses the province can run on the same day, one per room (a province never configured has its one hall).</summary>
    public int Rooms { get; init; } = 1;

    /// <summary>Topics the province declared it can brief a visiting class on; empty when it declared none.</summary>
    public ImmutableArray<string> BriefingTopics { get; init; } = [];

    public ImmutableArray<HostingRecord> HostingHistory { get; init; } = [];

    public ImmutableArray<HostingRequestView> Requests { get; init; } = [];

    /// <summary>Follow-ups recorded with the decisions that caused them, until their receivers acknowledge them.</summary>
    public ImmutableArray<FollowUp> Outbox { get; init; } = [];

    /// <summary>
    /// Who changed what and in which request, oldest first, written with each change (Common/Audit/AuditTrail) and kept
    /// here only until the audit log has it (Common/Audit/AuditFeed).
    /// </summary>
    public ImmutableArray<AuditEntry> Audit { get; init; } = [];

    public ProvinceState WithAudit(ImmutableArray<AuditEntry> audit, long auditCount) => this with { Audit = audit, AuditCount = auditCount };

    /// <summary>
    /// Audit entries ever recorded (the newest one's sequence number). Its serializer field id comes from its name
    /// (GenerateFieldIds.PublicProperties), so the other fields keep theirs; an explicit [Id] would turn that off for all.
    /// </summary>
    public long AuditCount { get; init; }
}
