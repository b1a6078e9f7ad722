using System.Collections.Immutable;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.Courses;

/// <summary>Who may be nominated: a trainee must match one position and one level.</summary>
public sealed record CourseAudience(ImmutableArray<TraineePosition> Positions, ImmutableArray<AdministrativeLevel> Levels);

public sealed record CourseTopicPlan(string TopicCode, TeachingMethod Method);

/// <summary>
/// A course the board wants in a cycle. Empty <see cref="Topics"/> means every topic of the cycle's curriculum, as lectures.
/// <see cref="QuotaPerProvince"/> caps nominations from one province.
/// </summary>
public sealed record CourseDraft(
    string Title,
    CourseAudience Audience,
    int Capacity,
    int QuotaPerProvince,
    ImmutableArray<CourseTopicPlan> Topics,
    ImmutableArray<string> CoOrganisers);

public sealed record NewCourse(string CycleId, string CurriculumVersion, CourseDraft Draft);

/// <summary>A session as placed by a planner (or taken from a historical record).</summary>
public sealed record PlannedSession(
    string TopicCode,
    DateOnly Date,
    SessionSlot Slot,
    TeachingMethod Method,
    string? LecturerId,
    string? UnstaffedReason = null);

/// <summary>Host, dates and sessions the planner proposes for a course.</summary>
public sealed record CourseSchedule(string HostProvince, DateOnly Start, DateOnly End, ImmutableArray<PlannedSession> Sessions);

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

public sealed record Trainee(string FullName, TraineePosition Position, AdministrativeLevel Level, string? Unit);

public sealed record NominationRequest(string ProvinceCode, ImmutableArray<Trainee> Trainees);

public sealed record NominatedTrainee(string TraineeId, string ProvinceCode, Trainee Trainee, bool? Attended);

public sealed record AttendanceRecord(ImmutableArray<string> PresentTraineeIds);

/// <summary>A trainee's score for one session, 1 (poor) to 5 (excellent).</summary>
public sealed record EvaluationRequest(string SessionId, int Score, string? Comment);

public sealed record EvaluationView(string SessionId, string TopicCode, string? LecturerId, int Score, string? Comment);

/// <summary>A course from an earlier cycle, recorded as held and reported (e.g. the 2012 course of the source document).</summary>
public sealed record HistoricalCourse(
    NewCourse Course,
    CourseSchedule Schedule,
    ImmutableArray<NominationRequest> Nominations,
    ImmutableArray<EvaluationRequest> Evaluations,
    DateOnly? MaterialsSentOn);

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
    ImmutableArray<string> FieldTripIds);
