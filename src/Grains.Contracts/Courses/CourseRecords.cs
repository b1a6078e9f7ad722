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

[GenerateSerializer, Immutable, Alias("ot.AttendanceRecord")]
public sealed record AttendanceRecord(ImmutableArray<string> PresentTraineeIds);

/// <summary>A trainee's score for one session, 1 (poor) to 5 (excellent).</summary>
[GenerateSerializer, Immutable, Alias("ot.EvaluationRequest")]
public sealed record EvaluationRequest(string SessionId, int Score, string? Comment);

[GenerateSerializer, Immutable, Alias("ot.EvaluationView")]
public sealed record EvaluationView(string SessionId, string TopicCode, string? LecturerId, int Score, string? Comment);

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
    ImmutableArray<string> FieldTripIds)
{
    /// <summary>Why the board cancelled the course, when it did.</summary>
    [Id(100)]
    public string? CancelledReason { get; init; }
}
