using System.Collections.Immutable;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Provinces;

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
    ImmutableArray<DateOnly> UnavailableDates,
    string? Email = null);

/// <summary>
/// A session offered to a lecturer; <see cref="AssignmentId"/> is unique across the system. The course's title and
/// dates, the host's name and the topic's title let the lecturer decide without looking anything up; the host's
/// <see cref="Logistics"/> (venue, lodging, transport, contact) arrive once the host confirms, possibly after the offer.
/// The trailing fields are optional so offers recorded before they existed still read.
/// </summary>
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
    DateTimeOffset AnswerBy,
    string? CourseTitle = null,
    DateOnly? CourseStart = null,
    DateOnly? CourseEnd = null,
    string? ProvinceName = null,
    string? TopicTitle = null,
    HostingConfirmation? Logistics = null);

/// <summary>Who ended an assignment that was offered or accepted.</summary>
[GenerateSerializer, Alias("ot.WithdrawalParty")]
public enum WithdrawalParty
{
    /// <summary>The cycle re-planned the session (host or dates changed, or a repair gave it to someone else).</summary>
    Board,

    /// <summary>The lecturer withdrew from a session they had accepted, before the cut-off.</summary>
    Lecturer,
}

[GenerateSerializer, Immutable, Alias("ot.AssignmentView")]
public sealed record AssignmentView(
    TeachingOffer Offer,
    string LecturerId,
    AssignmentStatus Status,
    string? DeclineReason,
    bool Escalated,
    DateTimeOffset OfferedAt,
    DateTimeOffset? AnsweredAt,
    string? WithdrawalReason = null,
    WithdrawalParty? WithdrawnBy = null,
    DateTimeOffset? WithdrawnAt = null,
    string? ChangeNote = null);

/// <summary>Something the lecturer is told that needs no answer, e.g. a reminder that a topic's materials are missing.</summary>
[GenerateSerializer, Immutable, Alias("ot.LecturerNotice")]
public sealed record LecturerNotice(string Id, string Kind, string CourseId, string Text, DateTimeOffset At);

/// <summary>One answer of several sent together; <see cref="Reason"/> is required to decline.</summary>
[GenerateSerializer, Immutable, Alias("ot.OfferAnswer")]
public sealed record OfferAnswer(string AssignmentId, OfferDecision Decision, string? Reason);

[GenerateSerializer, Alias("ot.OfferDecision")]
public enum OfferDecision
{
    Accept,
    Decline,
}

/// <summary>A date the lecturer cannot teach, with why when they said.</summary>
[GenerateSerializer, Immutable, Alias("ot.UnavailableDate")]
public sealed record UnavailableDate(DateOnly Date, string? Reason);

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
    ImmutableArray<AssignmentView> Assignments,
    ImmutableArray<UnavailableDate> Unavailability)
{
    /// <summary>Reminders and notes for the lecturer, newest last.</summary>
    [Id(100)]
    public ImmutableArray<LecturerNotice> Notices { get; init; } = [];

    /// <summary>Where the lecturer's notifications are mailed; null when none was given.</summary>
    [Id(101)]
    public string? Email { get; init; }
}
