using System.Collections.Immutable;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Common.Audit;
using OrleansTraining.Grains.Courses;

namespace OrleansTraining.Grains.Cycles;

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ot.CycleState")]
public sealed record CycleState : IAuditedState<CycleState>
{
    public DateOnly Start { get; init; }

    public DateOnly End { get; init; }

    public string CurriculumVersion { get; init; } = "";

    public CycleStatus Status { get; init; }

    public ImmutableArray<string> CourseIds { get; init; } = [];

    /// <summary>The validated drafts, in course order, so a roll-over can carry the courses forward.</summary>
    public ImmutableArray<CourseDraft> Drafts { get; init; } = [];

    public string? PreviousCycleId { get; init; }

    public string? NextCycleId { get; init; }

    public ImmutableArray<string> PreviousHosts { get; init; } = [];

    public ImmutableArray<PlanIssue> PlanIssues { get; init; } = [];

    public ImmutableArray<Escalation> Escalations { get; init; } = [];

    /// <summary>Lecturers who declined a session, keyed "courseId/sessionId": never offered it again.</summary>
    public ImmutableDictionary<string, ImmutableArray<string>> Declined { get; init; } = ImmutableDictionary<string, ImmutableArray<string>>.Empty;

    /// <summary>How many offers a session has had, keyed "courseId/sessionId": numbers assignment ids uniquely.</summary>
    public ImmutableDictionary<string, int> OfferCounts { get; init; } = ImmutableDictionary<string, int>.Empty;

    /// <summary>The soft-constraint weights the board set; the engine's defaults until then.</summary>
    public PlannerWeights Weights { get; init; } = new();

    /// <summary>Saved what-if variants by name.</summary>
    public ImmutableDictionary<string, PlanVariant> Variants { get; init; } = ImmutableDictionary<string, PlanVariant>.Empty;

    /// <summary>Calls owed to other grains, in decision order, until delivered (see CycleGrain.Deliveries).</summary>
    public ImmutableArray<CycleDelivery> Pending { get; init; } = [];

    /// <summary>How many deliveries were ever recorded: numbers their ids.</summary>
    public int DeliveriesMade { get; init; }

    /// <summary>Follow-ups already handled, by id: a repeated delivery is only acknowledged again.</summary>
    public ImmutableHashSet<string> HandledFollowUps { get; init; } = [];

    /// <summary>The board's written conclusions on the cycle (the report's closing section).</summary>
    public string? Conclusions { get; init; }

    /// <summary>The board's recommendations, including open ones carried from the cycle before.</summary>
    public ImmutableArray<Recommendation> Recommendations { get; init; } = [];

    /// <summary>
    /// Who changed what and in which request, oldest first, written with each change (Common/Audit/AuditTrail) and kept
    /// here only until the audit log has it (Common/Audit/AuditFeed).
    /// </summary>
    public ImmutableArray<AuditEntry> Audit { get; init; } = [];

    public CycleState WithAudit(ImmutableArray<AuditEntry> audit, long auditCount) => this with { Audit = audit, AuditCount = auditCount };

    /// <summary>
    /// Audit entries ever recorded (the newest one's sequence number). Its serializer field id comes from its name
    /// (GenerateFieldIds.PublicProperties), so the other fields keep theirs; an explicit [Id] would turn that off for all.
    /// </summary>
    public long AuditCount { get; init; }

    /// <summary>
    /// The newest logistics passed on for each hosting request, as the province's count of amendments (0: the confirmation
    /// itself). Follow-ups are not ordered: an amendment older than one passed on already is dropped, not applied over it.
    /// </summary>
    public ImmutableDictionary<string, int> LogisticsPassedOn { get; init; } = ImmutableDictionary<string, int>.Empty;

    /// <summary>The planning run under way, if any (CycleGrain.PlanningRuns): a run whose node stopped is started again from it.</summary>
    public PlanningRunRecord? ActiveRun { get; init; }
}
