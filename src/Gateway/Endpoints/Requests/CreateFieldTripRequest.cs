namespace OrleansTraining.Gateway.Endpoints.Requests;

/// <summary>"Trip <see cref="TripNumber"/> of <see cref="TripCount"/>" of a course's class; stops in travel order.</summary>
public sealed record CreateFieldTripRequest(
    string ClassName,
    int TripNumber,
    int TripCount,
    IReadOnlyList<FieldTripStopRequest> Stops,
    int ParticipantCount,
    int ParticipantProvinceCount,
    IReadOnlyList<string>? CoOrganisers = null,
    bool Historical = false);
