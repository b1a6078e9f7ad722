using System.Collections.Immutable;
using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.Lecturers;

[GenerateSerializer, Alias("ot.AssignmentStatus")]
public enum AssignmentStatus
{
    Offered,
    Accepted,
    Declined,
    Withdrawn,
}

[GenerateSerializer, Immutable, Alias("ot.NewLecturer")]
public sealed record NewLecturer(
    string FullName,
    string Department,
    ImmutableArray<string> QualifiedTopics,
    string HomeProvince,
    int MaxSessionsPerCycle,
    ImmutableArray<DateOnly> UnavailableDates);

/// <summary>A session offered to a lecturer; <see cref="AssignmentId"/> is unique across the system.</summary>
[GenerateSerializer, Immutable, Alias("ot.TeachingOffer")]
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

[GenerateSerializer, Immutable, Alias("ot.AssignmentView")]
public sealed record AssignmentView(
    TeachingOffer Offer,
    string LecturerId,
    AssignmentStatus Status,
    string? DeclineReason,
    bool Escalated,
    DateTimeOffset OfferedAt,
    DateTimeOffset? AnsweredAt);

[GenerateSerializer, Immutable, Alias("ot.LecturerView")]
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
