using System.Collections.Immutable;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.Courses;

/// <summary>Who may be nominated: a trainee must match one position and one level.</summary>
[GenerateSerializer, Immutable, Alias("ot.CourseAudience")]
public sealed record CourseAudience(ImmutableArray<TraineePosition> Positions, ImmutableArray<AdministrativeLevel> Levels);

[GenerateSerializer, Immutable, Alias("ot.CourseTopicPlan")]
public sealed record CourseTopicPlan(string TopicCode, TeachingMethod Method);

/// <summary>
/// A course the board wants in a cycle. Empty <see cref="Topics"/> means every topic of the cycle's curriculum, as lectures.
/// <see cref="QuotaPerProvince"/> caps nominations from one province.
/// </summary>
[GenerateSerializer, Immutable, Alias("ot.CourseDraft")]
public sealed record CourseDraft(
    string Title,
    CourseAudience Audience,
    int Capacity,
    int QuotaPerProvince,
    ImmutableArray<CourseTopicPlan> Topics,
    ImmutableArray<string> CoOrganisers);

[GenerateSerializer, Immutable, Alias("ot.NewCourse")]
public sealed record NewCourse(string CycleId, string CurriculumVersion, CourseDraft Draft);

/// <summary>A session as placed by a planner (or taken from a historical record).</summary>
[GenerateSerializer, Immutable, Alias("ot.PlannedSession")]
public sealed record PlannedSession(
    string TopicCode,
    DateOnly Date,
    SessionSlot Slot,
    TeachingMethod Method,
    string? LecturerId,
    string? UnstaffedReason = null);

/// <summary>Host, dates and sessions the planner proposes for a course.</summary>
[GenerateSerializer, Immutable, Alias("ot.CourseSchedule")]
public sealed record CourseSchedule(string HostProvince, DateOnly Start, DateOnly End, ImmutableArray<PlannedSession> Sessions);

[GenerateSerializer, Immutable, Alias("ot.SessionView")]
public sealed record SessionView(
    string SessionId,
    string TopicCode,
    DateOnly Date,
    SessionSlot Slot,
    TeachingMethod Method,
    string? LecturerId,
    StaffingStatus Staffing,
    string? AssignmentId,
    string? UnstaffedReason);

[GenerateSerializer, Immutable, Alias("ot.Trainee")]
public sealed record Trainee(string FullName, TraineePosition Position, AdministrativeLevel Level, string? Unit);

[GenerateSerializer, Immutable, Alias("ot.NominationRequest")]
public sealed record NominationRequest(string ProvinceCode, ImmutableArray<Trainee> Trainees);

[GenerateSerializer, Immutable, Alias("ot.NominatedTrainee")]
public sealed record NominatedTrainee(string TraineeId, string ProvinceCode, Trainee Trainee, bool? Attended);

/// <summary>Who was present on one day of the course; recording a day again replaces that day.</summary>
[GenerateSerializer, Immutable, Alias("ot.DailyAttendance")]
public sealed record DailyAttendance(DateOnly Day, ImmutableArray<string> PresentTraineeIds);

/// <summary>A trainee's rating of one session on each criterion, 1 (poor) to 5 (excellent), and an optional comment.</summary>
[GenerateSerializer, Immutable, Alias("ot.EvaluationRequest")]
public sealed record EvaluationRequest(string SessionId, int Content, int Method, int Usefulness, string? Comment);

/// <summary>
/// One trainee's ratings of every session of the course, submitted at once. The trainee is the link's own;
/// <see cref="TraineeId"/>, when a client sends one, must name that same trainee (a link never rates for another).
/// </summary>
[GenerateSerializer, Immutable, Alias("ot.EvaluationForm")]
public sealed record EvaluationForm(ImmutableArray<EvaluationRequest> Ratings, string? TraineeId = null);

/// <summary>A paper form the board types in; <see cref="TraineeId"/> (optional) uses up that trainee's link.</summary>
[GenerateSerializer, Immutable, Alias("ot.PaperEvaluation")]
public sealed record PaperEvaluation(string? TraineeId, ImmutableArray<EvaluationRequest> Ratings);

/// <summary>
/// One rating as the course keeps it. <see cref="TraineeId"/> and <see cref="ProvinceCode"/> are for the board only:
/// lecturers get <see cref="SessionEvaluationSummary"/> aggregates, never these rows.
/// </summary>
[GenerateSerializer, Immutable, Alias("ot.EvaluationView")]
public sealed record EvaluationView(
    string SessionId,
    string TopicCode,
    string? LecturerId,
    TeachingMethod TeachingMethod,
    int Content,
    int Method,
    int Usefulness,
    string? Comment,
    string? TraineeId,
    string? ProvinceCode,
    EvaluationSource Source);

/// <summary>A trainee's personal evaluation link; the token is shown once, the course keeps only its hash.</summary>
[GenerateSerializer, Immutable, Alias("ot.EvaluationLink")]
public sealed record EvaluationLink(string TraineeId, string ProvinceCode, string FullName, string Token);

[GenerateSerializer, Immutable, Alias("ot.EvaluationSession")]
public sealed record EvaluationSession(string SessionId, string TopicCode, DateOnly Date, SessionSlot Slot, TeachingMethod TeachingMethod, string? LecturerId);

/// <summary>What a trainee's link shows: the course and the sessions to rate.</summary>
[GenerateSerializer, Immutable, Alias("ot.EvaluationFormView")]
public sealed record EvaluationFormView(
    string CourseId,
    string Title,
    string? HostProvince,
    DateOnly? Start,
    DateOnly? End,
    string TraineeName,
    ImmutableArray<EvaluationSession> Sessions);

/// <summary>Averages of one session's ratings (1–5 per criterion) and how many there are: no trainee, no row.</summary>
[GenerateSerializer, Immutable, Alias("ot.SessionEvaluationSummary")]
public sealed record SessionEvaluationSummary(
    string CourseId,
    string SessionId,
    string TopicCode,
    DateOnly Date,
    TeachingMethod TeachingMethod,
    string? LecturerId,
    int Count,
    double Content,
    double Method,
    double Usefulness);

/// <summary>A course from an earlier cycle, recorded as held and reported (e.g. the 2012 course of the source document).</summary>
[GenerateSerializer, Immutable, Alias("ot.HistoricalCourse")]
public sealed record HistoricalCourse(
    NewCourse Course,
    CourseSchedule Schedule,
    ImmutableArray<NominationRequest> Nominations,
    ImmutableArray<EvaluationRequest> Evaluations,
    DateOnly? MaterialsSentOn);

[GenerateSerializer, Immutable, Alias("ot.CourseView")]
public sealed record CourseView(
    string Id,
    string CycleId,
    string CurriculumVersion,
    string Title,
    CourseAudience Audience,
    int Capacity,
    int QuotaPerProvince,
    ImmutableArray<string> CoOrganisers,
    CourseStatus Status,
    string? HostProvince,
    DateOnly? Start,
    DateOnly? End,
    string? HostingRequestId,
    HostingConfirmation? HostLogistics,
    ImmutableArray<string> DeclinedByProvinces,
    ImmutableArray<SessionView> Sessions,
    ImmutableArray<NominatedTrainee> Trainees,
    DateOnly? MaterialsSentOn,
    bool MaterialsOverdue,
    ImmutableArray<EvaluationView> Evaluations,
    ImmutableArray<string> FieldTripIds,
    ImmutableArray<DailyAttendance> Attendance,
    DateTimeOffset? NominationsCloseAt,
    bool NominationsOpen,
    DateOnly? MaterialsDueBy)
{
    /// <summary>Why the board cancelled the course, when it did.</summary>
    [Id(100)]
    public string? CancelledReason { get; init; }
}
