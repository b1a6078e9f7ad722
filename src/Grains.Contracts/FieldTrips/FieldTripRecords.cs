using System.Collections.Immutable;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.FieldTrips;

[GenerateSerializer, Alias("ot.StopStatus")]
public enum StopStatus
{
    Requested,
    Confirmed,
    Declined,
}

/// <summary>One stop of the itinerary: the host province briefs the class on the given topics in the given number of sessions.</summary>
[GenerateSerializer, Immutable, Alias("ot.FieldTripStopDraft")]
public sealed record FieldTripStopDraft(
    string ProvinceCode,
    string? Place,
    DateOnly Start,
    DateOnly End,
    ImmutableArray<string> BriefingTopics,
    int Sessions);

/// <summary>
/// "Trip <see cref="TripNumber"/> of <see cref="TripCount"/>" for a class. Stops are in travel order.
/// <see cref="Historical"/> records a past trip: its stops count as confirmed and no requests are sent.
/// </summary>
[GenerateSerializer, Immutable, Alias("ot.NewFieldTrip")]
public sealed record NewFieldTrip(
    string ClassName,
    int TripNumber,
    int TripCount,
    ImmutableArray<FieldTripStopDraft> Stops,
    int ParticipantCount,
    int ParticipantProvinceCount,
    ImmutableArray<string> CoOrganisers,
    bool Historical);

[GenerateSerializer, Immutable, Alias("ot.FieldTripStopView")]
public sealed record FieldTripStopView(
    int Number,
    string ProvinceCode,
    string? Place,
    DateOnly Start,
    DateOnly End,
    ImmutableArray<string> BriefingTopics,
    int Sessions,
    StopStatus Status,
    string? HostingRequestId,
    HostingConfirmation? Confirmation,
    string? DeclineReason,
    ImmutableArray<string> DeclinedBy);

[GenerateSerializer, Immutable, Alias("ot.FieldTripView")]
public sealed record FieldTripView(
    string Id,
    string CourseId,
    string ClassName,
    int TripNumber,
    int TripCount,
    string Label,
    DateOnly Start,
    DateOnly End,
    ImmutableArray<FieldTripStopView> Stops,
    int ParticipantCount,
    int ParticipantProvinceCount,
    ImmutableArray<string> CoOrganisers,
    bool Historical,
    bool Cancelled,
    string? CancelReason);

/// <summary>The stops (by number) in the order that needs the fewest travel days, against the order as planned.</summary>
[GenerateSerializer, Immutable, Alias("ot.StopOrderSuggestion")]
public sealed record StopOrderSuggestion(
    ImmutableArray<int> StopNumbers,
    ImmutableArray<string> Provinces,
    int TravelDays,
    int RoadKm,
    int CurrentTravelDays,
    int CurrentRoadKm,
    bool Exact);

/// <summary>A province that could take a declined stop: <see cref="BriefsOnTopics"/> when it declared the stop's topics.</summary>
[GenerateSerializer, Immutable, Alias("ot.StopReplacement")]
public sealed record StopReplacement(string ProvinceCode, string NameVi, int RoadKm, bool BriefsOnTopics);
