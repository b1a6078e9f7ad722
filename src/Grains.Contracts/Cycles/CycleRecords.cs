using System.Collections.Immutable;
using OrleansTraining.Grains.Courses;

namespace OrleansTraining.Grains.Cycles;

/// <summary>Draft → Planned → Published → Running → Closed.</summary>
[GenerateSerializer, Alias("ot.CycleStatus")]
public enum CycleStatus
{
    Draft,
    Planned,
    Published,
    Running,
    Closed,
}

[GenerateSerializer, Alias("ot.EscalationKind")]
public enum EscalationKind
{
    HostingRequestUnanswered,
    OfferUnanswered,
    MaterialsNotSent,
    SessionUnstaffed,
    CourseUnhosted,

    /// <summary>A decision another grain sent could not be applied here (it broke a rule): the board decides what to do.</summary>
    DecisionRefused,
}

/// <summary>A new two-yearly cycle; the key is "yyyy-yyyy" (e.g. "2027-2028").</summary>
[GenerateSerializer, Immutable, Alias("ot.NewCycle")]
public sealed record NewCycle(DateOnly Start, DateOnly End, string CurriculumVersion, ImmutableArray<CourseDraft> Courses);

/// <summary>A past cycle recorded as Closed, its courses as held and reported (e.g. 2011–2012 with the 2012 course).</summary>
[GenerateSerializer, Immutable, Alias("ot.HistoricalCycle")]
public sealed record HistoricalCycle(DateOnly Start, DateOnly End, string CurriculumVersion, ImmutableArray<HistoricalCourse> Courses);

/// <summary>Something the board must act on. <see cref="SubjectKey"/> identifies what it is about (a request, assignment or course) so answering resolves it.</summary>
[GenerateSerializer, Immutable, Alias("ot.Escalation")]
public sealed record Escalation(
    string Id,
    EscalationKind Kind,
    string CourseId,
    string SubjectKey,
    string Detail,
    DateTimeOffset RaisedAt,
    DateTimeOffset? ResolvedAt);

/// <summary>What a planner could not do, and why.</summary>
[GenerateSerializer, Immutable, Alias("ot.PlanIssue")]
public sealed record PlanIssue(string CourseId, string? SessionId, string Reason);

[GenerateSerializer, Immutable, Alias("ot.PlanResult")]
public sealed record PlanResult(CycleStatus Status, int CoursesPlanned, int SessionsStaffed, int SessionsUnstaffed, ImmutableArray<PlanIssue> Issues);

[GenerateSerializer, Immutable, Alias("ot.CycleView")]
public sealed record CycleView(
    string Id,
    DateOnly Start,
    DateOnly End,
    string CurriculumVersion,
    CycleStatus Status,
    ImmutableArray<string> CourseIds,
    string? PreviousCycleId,
    string? NextCycleId,
    ImmutableArray<string> PreviousHosts,
    ImmutableArray<PlanIssue> PlanIssues,
    ImmutableArray<Escalation> Escalations,
    ImmutableArray<Recommendation> Recommendations);

[GenerateSerializer, Immutable, Alias("ot.CyclePlan")]
public sealed record CyclePlan(string CycleId, CycleStatus Status, ImmutableArray<CourseView> Courses, ImmutableArray<PlanIssue> Issues);

[GenerateSerializer, Immutable, Alias("ot.CourseOutcome")]
public sealed record CourseOutcome(
    string CourseId,
    string Title,
    string? HostProvince,
    DateOnly? Start,
    DateOnly? End,
    CourseStatus Status,
    int Nominated,
    int Attended);

/// <summary>
/// Averages (1–5) of the ratings grouped by <see cref="Key"/> (a topic, lecturer or method): <see cref="Average"/> over
/// all three criteria, then content, method and usefulness each; <see cref="Count"/> ratings.
/// </summary>
[GenerateSerializer, Immutable, Alias("ot.EvaluationAverage")]
public sealed record EvaluationAverage(string Key, double Average, int Count, string? Label = null, double Content = 0, double Method = 0, double Usefulness = 0);

[GenerateSerializer, Immutable, Alias("ot.CycleReport")]
public sealed record CycleReport(
    string CycleId,
    CycleStatus Status,
    DateTimeOffset GeneratedAt,
    int CoursesPlanned,
    int CoursesHeld,
    ImmutableArray<CourseOutcome> Courses,
    ImmutableDictionary<string, int> TraineesByProvince,
    ImmutableArray<string> ProvincesThatSentNobody,
    int TraineesNominated,
    int TraineesAttended,
    double AttendanceRate,
    ImmutableArray<EvaluationAverage> EvaluationByTopic,
    ImmutableArray<EvaluationAverage> EvaluationByLecturer,
    ImmutableArray<Escalation> OpenEscalations,
    ImmutableArray<CourseReport> CourseDetails,
    ImmutableArray<ProvinceAttendance> AttendanceByProvince,
    ImmutableArray<EvaluationAverage> EvaluationByMethod,
    int MaterialsOnTime,
    int MaterialsLate,
    int MaterialsNotSent,
    string? Conclusions,
    ImmutableArray<Recommendation> Recommendations);
