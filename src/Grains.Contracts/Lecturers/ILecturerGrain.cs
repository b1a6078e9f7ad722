using System.Collections.Immutable;
using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.Lecturers;

/// <summary>A lecturer (giảng viên), key = lecturer id ("l01"). Calls on an id never created throw NotFoundException.</summary>
[Alias("ot.ILecturerGrain")]
public interface ILecturerGrain : IFollowUpSource
{
    /// <exception cref="Common.ConflictException">rule already-exists.</exception>
    Task<LecturerView> CreateAsync(NewLecturer lecturer);

    [ReadOnly]
    Task<LecturerView> GetAsync();

    /// <summary>Replaces the declared unavailable dates; refused (lecturer-unavailable) when one falls on an accepted session.</summary>
    Task<LecturerView> SetUnavailabilityAsync(ImmutableArray<DateOnly> dates);

    [ReadOnly]
    Task<ImmutableArray<AssignmentView>> GetAssignmentsAsync();

    /// <summary>Refused with ConflictException (lecturer-double-booked, lecturer-needs-travel-day, lecturer-unavailable, lecturer-max-sessions, already-answered).</summary>
    Task<AssignmentView> AcceptAsync(string assignmentId);

    /// <summary>The cycle then offers the session to the next suitable lecturer automatically.</summary>
    Task<AssignmentView> DeclineAsync(string assignmentId, string reason);

    /// <summary>Board side: delivers an offer and arms its deadline reminder. Idempotent per assignment id.</summary>
    Task ReceiveOfferAsync(TeachingOffer offer);

    /// <summary>Board side: the session was re-planned; an offered or accepted assignment becomes Withdrawn.</summary>
    Task WithdrawOfferAsync(string assignmentId);
}
