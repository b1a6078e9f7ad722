using System.Collections.Immutable;
using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.FieldTrips;

/// <summary>
/// A field trip (đi thực tế), key = trip id. Create it through <see cref="Courses.ICourseGrain.AddFieldTripAsync"/>.
/// A stop answer it must refuse reaches the board as a follow-up to its cycle, hence also a follow-up source.
/// </summary>
[Alias("ot.IFieldTripGrain")]
public interface IFieldTripGrain : IFollowUpTarget, IFollowUpSource
{
    /// <summary>Creates the trip of <paramref name="courseId"/>; unanswered stop requests escalate to <paramref name="cycleId"/> when given.</summary>
    /// <exception cref="UnprocessableException">a stop outside the course's or the cycle's dates (<c>stops[i].start</c>/<c>.end</c>).</exception>
    Task<FieldTripView> CreateAsync(string courseId, string? cycleId, NewFieldTrip trip);

    /// <remarks>Never waits behind a change being written: answers from the state as last stored.</remarks>
    [AlwaysInterleave]
    Task<FieldTripView> GetAsync();

    /// <summary>Refuses stops outside the course's dates (once planned) or the cycle's, before the course records the trip; writes nothing.</summary>
    /// <exception cref="UnprocessableException">naming <c>stops[i].start</c> or <c>stops[i].end</c>.</exception>
    [ReadOnly]
    Task CheckPeriodAsync(string courseId, string? cycleId, NewFieldTrip trip);

    /// <summary>The order of the stops that needs the fewest travel days (then the fewest road km); exact for small trips.</summary>
    [ReadOnly]
    Task<StopOrderSuggestion> GetSuggestedOrderAsync();

    /// <summary>For a declined stop: the nearest provinces that can brief on its topics, free on its dates, reachable in time.</summary>
    /// <exception cref="NotFoundException">no such stop.</exception>
    /// <exception cref="ConflictException">rule invalid-status-transition when the stop is not declined.</exception>
    Task<ImmutableArray<StopReplacement>> GetReplacementsAsync(int stopNumber);

    /// <summary>The board moves a declined stop to another province, which receives a hosting request.</summary>
    /// <exception cref="UnprocessableException">the province is unknown, on the trip already, declined the stop, unavailable or too far (<c>provinceCode</c>).</exception>
    Task<FieldTripView> ReplaceStopAsync(int stopNumber, string provinceCode);

    /// <summary>
    /// The board changes the trip: a stop with the same province, dates, topics and sessions keeps its request and answer;
    /// other stops are requested anew and the requests of stops no longer there are withdrawn.
    /// </summary>
    Task<FieldTripView> ChangeAsync(NewFieldTrip trip);

    /// <summary>The board cancels the trip: every stop's request is withdrawn. Cancelling again is a no-op.</summary>
    Task<FieldTripView> CancelAsync(string? reason);
}
