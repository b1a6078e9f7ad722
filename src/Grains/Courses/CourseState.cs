using System.Collections.Immutable;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Common.Audit;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.Courses;

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ot.CourseState")]
public sealed record CourseState : IAuditedState<CourseState>, IFollowUpSenderState
{
    public string CycleId { get; init; } = "";

    public string CurriculumVersion { get; init; } = "";

    public string Title { get; init; } = "";

    public CourseAudience Audience { get; init; } = new([], []);

    public int Capacity { get; init; }

    public int QuotaPerProvince { get; init; }

    public ImmutableArray<string> CoOrganisers { get; init; } = [];

    public ImmutableArray<CourseTopicPlan> Topics { get; init; } = [];

    public CourseStatus Status { get; init; }

    public string? HostProvince { get; init; }

    public DateOnly? Start { get; init; }

    public DateOnly? End { get; init; }

    public string? HostingRequestId { get; init; }

    public HostingConfirmation? HostLogistics { get; init; }

    public ImmutableArray<string> DeclinedByProvinces { get; init; } = [];

    public ImmutableArray<SessionView> Sessions { get; init; } = [];

    public ImmutableArray<NominatedTrainee> Trainees { get; init; } = [];

    public DateOnly? MaterialsSentOn { get; init; }

    public bool MaterialsOverdue { get; init; }

    public ImmutableArray<EvaluationView> Evaluations { get; init; } = [];

    public ImmutableArray<string> FieldTripIds { get; init; } = [];

    /// <summary>Why the board cancelled the course, when it did.</summary>
    public string? CancelledReason { get; init; }

    /// <summary>Follow-ups recorded with the decisions that caused them, until their receivers acknowledge them.</summary>
    public ImmutableArray<FollowUp> Outbox { get; init; } = [];

    /// <summary>Who was present, one entry per recorded course day, in day order.</summary>
    public ImmutableArray<DailyAttendance> Attendance { get; init; } = [];

    /// <summary>Evaluation links issued, by hash only: the tokens themselves were shown once and never stored.</summary>
    public ImmutableArray<EvaluationTicket> EvaluationTickets { get; init; } = [];

    /// <summary>How many trainee ids were ever handed out: numbers new ones so a withdrawn id is never reused.</summary>
    public int TraineesNumbered { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Trainees' personal course links, by hash only: reusable, replaced when issued again.</summary>
    public ImmutableArray<TraineeTicket> TraineeTickets { get; init; } = [];

    /// <summary>
    /// Who changed what and in which request, oldest first, written with each change (Common/Audit/AuditTrail) and kept
    /// here only until the audit log has it (Common/Audit/AuditFeed).
    /// </summary>
    public ImmutableArray<AuditEntry> Audit { get; init; } = [];

    public CourseState WithAudit(ImmutableArray<AuditEntry> audit, long auditCount) => this with { Audit = audit, AuditCount = auditCount };

    /// <summary>
    /// Audit entries ever recorded (the newest one's sequence number). Its serializer field id comes from its name
    /// (GenerateFieldIds.PublicProperties), so the other fields keep theirs; an explicit [Id] would turn that off for all.
    /// </summary>
    public long AuditCount { get; init; }
}
