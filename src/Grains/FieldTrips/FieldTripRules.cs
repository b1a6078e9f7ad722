using System.Collections.Immutable;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.FieldTrips;

/// <summary>Validates a field trip before anything is written: stops in travel order, each in a real province.</summary>
public static class FieldTripRules
{
    /// <summary>The trip with province names resolved to codes (old names allowed: historical trips use them).</summary>
    public static NewFieldTrip Validate(NewFieldTrip? trip)
    {
        if (trip is null)
        {
            throw new DomainValidationException("trip", "A field trip is required.");
        }

        var className = Require.Text(trip.ClassName, "className", 300);
        Require.Range(trip.TripCount, 1, 50, "tripCount");
        Require.Range(trip.TripNumber, 1, trip.TripCount, "tripNumber");
        Require.Range(trip.ParticipantCount, 0, 1000, "participantCount");

        // Old records count the 63–64 units of the time, so up to 64 provinces can be represented.
        Require.Range(trip.ParticipantProvinceCount, 0, 64, "participantProvinceCount");
        if (trip.Stops.IsDefaultOrEmpty)
        {
            throw new DomainValidationException("stops", "A field trip needs at least one stop.");
        }

        var stops = ImmutableArray.CreateBuilder<FieldTripStopDraft>();
        for (var i = 0; i < trip.Stops.Length; i++)
        {
            var stop = trip.Stops[i] ?? throw new DomainValidationException($"stops[{i}]", "A stop is required.");
            var province = ProvinceDirectory.Resolve(stop.ProvinceCode)
                ?? throw new DomainValidationException($"stops[{i}].provinceCode", $"'{stop.ProvinceCode}' is not a province.");
            Require.Order(stop.Start, stop.End, $"stops[{i}].end");
            if (i > 0 && stop.Start < trip.Stops[i - 1].End)
            {
                throw new DomainValidationException($"stops[{i}].start", "Stops must be in travel order without overlapping.");
            }

            if (stop.BriefingTopics.IsDefaultOrEmpty)
            {
                throw new DomainValidationException($"stops[{i}].briefingTopics", "A stop needs at least one briefing topic.");
            }

            var topics = stop.BriefingTopics.Select((t, j) => Require.Text(t, $"stops[{i}].briefingTopics[{j}]")).ToImmutableArray();
            Require.Range(stop.Sessions, 1, 20, $"stops[{i}].sessions");
            var place = string.IsNullOrWhiteSpace(stop.Place) ? null : Require.Text(stop.Place, $"stops[{i}].place", 300);
            stops.Add(new FieldTripStopDraft(province.Code, place, stop.Start, stop.End, topics, stop.Sessions));
        }

        if (!trip.Historical)
        {
            CheckTravel(stops);
        }

        var coOrganisers = trip.CoOrganisers.IsDefault
            ? []
            : trip.CoOrganisers.Select((c, i) => Require.Text(c, $"coOrganisers[{i}]", 300)).ToImmutableArray();
        return trip with { ClassName = className, Stops = stops.ToImmutable(), CoOrganisers = coOrganisers };
    }

    /// <summary>
    /// The class can get from each stop to the next in time: an evening's drive allows the same day, a longer way needs a
    /// whole travel day between (a stop in Cần Thơ and the next in Hà Nội on the same day is refused). A past trip is a record and is not checked.
    /// </summary>
    public static void CheckTravel(IReadOnlyList<FieldTripStopDraft> stops, string? field = null)
    {
        for (var i = 1; i < stops.Count; i++)
        {
            var (previous, stop) = (stops[i - 1], stops[i]);
            var earliest = FieldTripTravel.EarliestNextStart(previous.ProvinceCode, previous.End, stop.ProvinceCode);
            if (stop.Start < earliest)
            {
                throw new UnprocessableException(
                    field ?? $"stops[{i}].start",
                    $"From {previous.ProvinceCode} (until {previous.End:yyyy-MM-dd}) to {stop.ProvinceCode} is {FieldTripTravel.RoadKm(previous.ProvinceCode, stop.ProvinceCode)} km by road: "
                    + $"{FieldTripTravel.TravelDays(previous.ProvinceCode, stop.ProvinceCode)} travel day(s), so stop {i + 1} starts on {earliest:yyyy-MM-dd} at the earliest.");
            }
        }
    }

    /// <summary>Every stop lies inside the course's dates (once planned) and the cycle's.</summary>
    public static void CheckPeriod(IReadOnlyList<FieldTripStopDraft> stops, DatePeriod? course, DatePeriod? cycle)
    {
        for (var i = 0; i < stops.Count; i++)
        {
            foreach (var (period, what) in new[] { (course, "course"), (cycle, "cycle") })
            {
                if (period is null)
                {
                    continue;
                }

                if (!period.Contains(stops[i].Start))
                {
                    throw new UnprocessableException($"stops[{i}].start", $"Stop {i + 1} starts on {stops[i].Start:yyyy-MM-dd}, outside the {what} ({period.Start:yyyy-MM-dd} to {period.End:yyyy-MM-dd}).");
                }

                if (!period.Contains(stops[i].End))
                {
                    throw new UnprocessableException($"stops[{i}].end", $"Stop {i + 1} ends on {stops[i].End:yyyy-MM-dd}, outside the {what} ({period.Start:yyyy-MM-dd} to {period.End:yyyy-MM-dd}).");
                }
            }
        }
    }
}
