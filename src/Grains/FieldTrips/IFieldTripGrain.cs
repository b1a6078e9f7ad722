using OrleansTraining.Grains.Provinces;
using OrleansTraining.Silo;

namespace OrleansTraining.Grains.FieldTrips;

/// <summary>A field trip (đi thực tế), key = trip id. Create it through <see cref="Courses.ICourseGrain.AddFieldTripAsync"/>.</summary>
public interface IFieldTripGrain : IGrainWithStringKey
{
    Task<FieldTripView> CreateAsync(string courseId, NewFieldTrip trip);

    Task<FieldTripView> GetAsync();

    /// <summary>Province side, forwarded by the province grain when it answers the stop's hosting request.</summary>
    Task<FieldTripView> RecordStopAnswerAsync(int stopNumber, string provinceCode, HostingConfirmation? confirmation, string? declineReason);
}
