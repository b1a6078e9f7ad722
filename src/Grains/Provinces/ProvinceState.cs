using System.Collections.Immutable;

namespace OrleansTraining.Grains.Provinces;

public sealed record ProvinceState
{
    /// <summary>Seats in the largest hall the province can offer; 0 until configured (then it cannot host).</summary>
    public int VenueCapacity { get; init; }

    public ImmutableArray<DateOnly> UnavailableDates { get; init; } = [];

    public ImmutableArray<HostingRecord> HostingHistory { get; init; } = [];

    public ImmutableArray<HostingRequestView> Requests { get; init; } = [];
}
