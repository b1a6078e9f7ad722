using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.FieldTrips;

/// <summary>A field trip (đi thực tế), key = trip id. Create it through <see cref="Courses.ICourseGrain.AddFieldTripAsync"/>.</summary>
[Alias("ot.IFieldTripGrain")]
public interface IFieldTripGrain : IFollowUpTarget
{
    /// <summary>Creates the trip of <paramref name="courseId"/>; unanswered stop requests escalate to <paramref name="cycleId"/> when given.</summary>
    Task<FieldTripView> CreateAsync(string courseId, string? cycleId, NewFieldTrip trip);

    [ReadOnly]
    Task<FieldTripView> GetAsync();
}
