using System.Collections.Immutable;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.Lecturers;

/// <summary>A lecturer (giảng viên), key = lecturer id ("l01"). Calls on an id never created throw NotFoundException.</summary>
[Alias("ot.ILecturerGrain")]
public interface ILecturerGrain : IFollowUpSource
{
    /// <exception cref="Common.ConflictException">rule already-exists.</exception>
    Task<LecturerView> CreateAsync(NewLecturer lecturer);

    /// <remarks>Never waits behind a change being written: answers from the state as last stored.</remarks>
    [AlwaysInterleave]
    Task<LecturerView> GetAsync();

    /// <summary>
    /// Replaces the declared unavailable dates; refused (lecturer-unavailable) when one falls on an accepted session.
    /// Open offers on the dates it adds are declined, as with <see cref="AddUnavailableDateAsync"/>.
    /// </summary>
    Task<LecturerView> SetUnavailabilityAsync(ImmutableArray<DateOnly> dates);

    /// <remarks>Never waits behind a change being written: answers from the state as last stored.</remarks>
    [AlwaysInterleave]
    Task<ImmutableArray<AssignmentView>> GetAssignmentsAsync();

    /// <summary>Refused with ConflictException (lecturer-double-booked, lecturer-needs-travel-day, lecturer-unavailable, lecturer-max-sessions, already-answered).</summary>
    Task<AssignmentView> AcceptAsync(string assignmentId);

    /// <summary>The cycle then offers the session to the next suitable lecturer automatically.</summary>
    Task<AssignmentView> DeclineAsync(string assignmentId, string reason);

    /// <summary>Board side: delivers an offer and arms its deadline reminder. Idempotent per assignment id.</summary>
    Task ReceiveOfferAsync(TeachingOffer offer);

    /// <summary>
    /// Board side: the session was re-planned; an offered or accepted assignment becomes Withdrawn and keeps
    /// <paramref name="reason"/>, so nothing the lecturer accepted vanishes without a word.
    /// </summary>
    Task WithdrawOfferAsync(string assignmentId, string? reason = null);

    /// <summary>
    /// Answers several offers at once, all or nothing: every answer is checked first (fields named answers[i].…) and
    /// each accept against the calendar including the accepts before it; if one fails nothing is written.
    /// </summary>
    Task<ImmutableArray<AssignmentView>> AnswerAllAsync(ImmutableArray<OfferAnswer> answers);

    /// <summary>
    /// Withdraws from an accepted session with a reason, no later than the cut-off before the session (ConflictException
    /// withdrawal-cut-off after it); the cycle then re-offers the session as after a decline.
    /// </summary>
    Task<AssignmentView> WithdrawAsync(string assignmentId, string reason);

    /// <summary>
    /// Adds one unavailable date. Open offers on it are declined (the cycle re-offers them); an accepted session on it
    /// refuses the date (accepted-session-on-date): the lecturer withdraws from it instead.
    /// </summary>
    Task<LecturerView> AddUnavailableDateAsync(DateOnly date, string? reason);

    /// <summary>Removes one unavailable date (NotFoundException when it was not declared).</summary>
    Task<LecturerView> RemoveUnavailableDateAsync(DateOnly date);

    /// <summary>Board side: the host's logistics for the course of this assignment (set-to-value, idempotent).</summary>
    Task ReceiveLogisticsAsync(string assignmentId, HostingConfirmation? logistics);

    /// <summary>
    /// Board side: an accepted session's course moved to another host and the lecturer's calendar still fits there, so
    /// the acceptance stands; the assignment names the new province, drops the old logistics and keeps the note why.
    /// Set-to-value, idempotent.
    /// </summary>
    Task ReceiveHostChangeAsync(string assignmentId, string provinceCode, string note);

    /// <summary>Board side: a notice for the lecturer; one with an id already received changes nothing.</summary>
    Task ReceiveNoticeAsync(LecturerNotice notice);

    /// <summary>
    /// Creates the lecturer's calendar feed, or rotates it: a new secret token every time, and the previous one stops
    /// working at once. Only the secret's hash is kept, so the token is shown this once.
    /// </summary>
    Task<CalendarFeedToken> RotateCalendarFeedAsync();

    /// <summary>Revokes the calendar feed: its address answers 404 from now on (idempotent).</summary>
    Task RevokeCalendarFeedAsync();

    [ReadOnly]
    Task<CalendarFeedStatus> GetCalendarFeedStatusAsync();

    /// <summary>The lecturer as the feed shows them, for the secret part of a live token; NotFoundException otherwise.</summary>
    [ReadOnly]
    Task<LecturerView> ReadCalendarFeedAsync(string secret);
}
