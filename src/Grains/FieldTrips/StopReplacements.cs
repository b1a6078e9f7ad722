using System.Collections.Immutable;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.FieldTrips;

/// <summary>
/// Which provinces could take a declined stop: not on the trip, not one that declined it, free on its dates and
/// reachable from the stops around it in time. Those that declared the stop's briefing topics come first, then those
/// that declared none (a general briefing); a province that declared other topics only cannot brief on these. Nearest
/// to the declined province first.
/// </summary>
public static class StopReplacements
{
    public const int Count = 5;

    public static ImmutableArray<StopReplacement> Suggest(ImmutableArray<FieldTripStopView> stops, int stopNumber, IEnumerable<ProvinceView> provinces) =>
        [.. provinces
            .Select(p => (Province: p, Fit: Why(stops, stopNumber, p)))
            .Where(x => x.Fit is null && BriefsOn(x.Province, stops[stopNumber - 1].BriefingTopics) is not false)
            .Select(x => new StopReplacement(
                x.Province.Code,
                x.Province.NameVi,
                FieldTripTravel.RoadKm(stops[stopNumber - 1].ProvinceCode, x.Province.Code),
                BriefsOn(x.Province, stops[stopNumber - 1].BriefingTopics) is true))
            .OrderByDescending(r => r.BriefsOnTopics)
            .ThenBy(r => r.RoadKm)
            .ThenBy(r => r.ProvinceCode, StringComparer.Ordinal)
            .Take(Count)];

    /// <summary>Why <paramref name="province"/> cannot take the stop, or null when it can (topics aside: the board may know better).</summary>
    public static string? Why(ImmutableArray<FieldTripStopView> stops, int stopNumber, ProvinceView province)
    {
        var stop = stops[stopNumber - 1];
        if (stops.Any(s => s.ProvinceCode == province.Code))
        {
            return $"{province.Code} is already a stop of the trip.";
        }

        if (!stop.DeclinedBy.IsDefault && stop.DeclinedBy.Contains(province.Code))
        {
            return $"{province.Code} declined this stop.";
        }

        var busy = (province.UnavailableDates.IsDefault ? [] : province.UnavailableDates).Where(d => d >= stop.Start && d <= stop.End).ToList();
        if (busy.Count > 0)
        {
            return $"{province.Code} is unavailable on {string.Join(", ", busy.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))}.";
        }

        var drafts = stops.Select(s => s.Number == stopNumber
            ? new FieldTripStopDraft(province.Code, null, s.Start, s.End, s.BriefingTopics, s.Sessions)
            : new FieldTripStopDraft(s.ProvinceCode, s.Place, s.Start, s.End, s.BriefingTopics, s.Sessions)).ToList();
        try
        {
            FieldTripRules.CheckTravel(drafts);
            return null;
        }
        catch (UnprocessableException tooFar)
        {
            return tooFar.Message;
        }
    }

    /// <summary>True when the province declared every topic, null when it declared none, false when it declared others.</summary>
    private static bool? BriefsOn(ProvinceView province, ImmutableArray<string> topics)
    {
        var declared = province.BriefingTopics.IsDefaultOrEmpty ? null : province.BriefingTopics.ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (declared is null)
        {
            return null;
        }

        return topics.All(t => declared.Contains(t.Trim()));
    }
}
