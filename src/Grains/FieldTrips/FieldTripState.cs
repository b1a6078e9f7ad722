using System.Collections.Immutable;

namespace OrleansTraining.Grains.FieldTrips;

public sealed record FieldTripState
{
    public string CourseId { get; init; } = "";

    public string ClassName { get; init; } = "";

    public int TripNumber { get; init; }

    public int TripCount { get; init; }

    public ImmutableArray<FieldTripStopView> Stops { get; init; } = [];

    public int ParticipantCount { get; init; }

    public int ParticipantProvinceCount { get; init; }

    public ImmutableArray<string> CoOrganisers { get; init; } = [];

    public bool Historical { get; init; }
}
