using System.Collections.Immutable;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Common.Audit;

namespace OrleansTraining.Grains.Lecturers;

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ot.LecturerState")]
public sealed record LecturerState : IAuditedState<LecturerState>, IFollowUpSenderState
{
    public string FullName { get; init; } = "";

    public string Department { get; init; } = "";

    public ImmutableArray<string> QualifiedTopics { get; init; } = [];

    public string HomeProvince { get; init; } = "";

    public int MaxSessionsPerCycle { get; init; }

    public ImmutableArray<DateOnly> UnavailableDates { get; init; } = [];

    /// <summary>Why the lecturer is away on some of <see cref="UnavailableDates"/> (only dates given a reason).</summary>
    public ImmutableArray<UnavailableDate> UnavailableReasons { get; init; } = [];

    public ImmutableArray<AssignmentView> Assignments { get; init; } = [];

    public ImmutableArray<LecturerNotice> Notices { get; init; } = [];

    /// <summary>Follow-ups recorded with the decisions that caused them, until their receivers acknowledge them.</summary>
    public ImmutableArray<FollowUp> Outbox { get; init; } = [];

    /// <summary>SHA-256 (hex) of the calendar feed's secret; null when no feed is live. The secret itself is never kept.</summary>
    public string? CalendarFeedHash { get; init; }

    public DateTimeOffset? CalendarFeedCreatedAt { get; init; }

    /// <summary>
    /// Who changed what and in which request, oldest first, written with each change (Common/Audit/AuditTrail) and kept
    /// here only until the audit log has it (Common/Audit/AuditFeed).
    /// </summary>
    public ImmutableArray<AuditEntry> Audit { get; init; } = [];

    public LecturerState WithAudit(ImmutableArray<AuditEntry> audit, long auditCount) => this with { Audit = audit, AuditCount = auditCount };

    /// <summary>Where notifications are mailed (also handed to the lecturer's inbox); null when none was given.</summary>
    public string? Email { get; init; }

    /// <summary>
    /// Audit entries ever recorded (the newest one's sequence number). Its serializer field id comes from its name
    /// (GenerateFieldIds.PublicProperties), so the other fields keep theirs; an explicit [Id] would turn that off for all.
    /// </summary>
    public long AuditCount { get; init; }
}
