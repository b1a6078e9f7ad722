using System.Collections.Immutable;
using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.Lecturers;

public enum AssignmentStatus
{
    Offered,
    Accepted,
    Declined,
    Withdrawn,
}

public sealed record NewLecturer(
    string FullName,
    string Department,
    ImmutableArray<string> QualifiedTopics,
    string HomeProvince,
    int MaxSessionsPerCycle,
    ImmutableArray<DateOnly> UnavailableDates);

/// <summary>A session offered to a lecturer; <see cref="AssignmentId"/> is unique across the system.</summary>
public sealed record TeachingOffer(
    string AssignmentId,
    string CycleId,
    string CourseId,
    string SessionId,
    string TopicCode,
    DateOnly Date,
    SessionSlot Slot,
    TeachingMethod Method,
    string ProvinceCode,
    DateTimeOffset AnswerBy);

public sealed record AssignmentView(
    TeachingOffer Offer,
    string LecturerId,
    AssignmentStatus Status,
    string? DeclineReason,
    bool Escalated,
    DateTimeOffset OfferedAt,
    DateTimeOffset? AnsweredAt);

public sealed record LecturerView(
    string Id,
    string FullName,
    string Department,
    ImmutableArray<string> QualifiedTopics,
    string HomeProvince,
    int MaxSessionsPerCycle,
    ImmutableArray<DateOnly> UnavailableDates,
    ImmutableDictionary<string, int> AcceptedSessionsByCycle,
    ImmutableArray<AssignmentView> Assignments);
