using System.Collections.Immutable;
using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.Provinces;

/// <summary>
/// What a province may declare about its ability to host. Values that are well-formed but impossible (negative seats,
/// a thousand rooms, a date a century away) are refused with 422 naming the field, before anything is written.
/// </summary>
public static class ProvinceSettingsRules
{
    public const int MaxSeats = 5000;
    public const int MaxRooms = 50;
    public const int MaxUnavailableDates = 1000;

    /// <summary>Planning reaches this far; a date outside is a typo, not a plan.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    public static ProvinceSettings Validate(ProvinceSettings settings)
    {
        if (settings.VenueCapacity is < 0 or > MaxSeats)
        {
            throw new UnprocessableException("seats", $"'seats' must be between 0 and {MaxSeats}.");
        }

        if (settings.Rooms is < 0 or > MaxRooms)
        {
            throw new UnprocessableException("rooms", $"'rooms' must be between 0 and {MaxRooms}.");
        }

        if (settings.VenueCapacity > 0 && settings.Rooms == 0)
        {
            throw new UnprocessableException("rooms", "A province with seats has at least one room.");
        }

        var dates = settings.UnavailableDates.IsDefault ? [] : settings.UnavailableDates;
        if (dates.Length > MaxUnavailableDates)
        {
            throw new UnprocessableException("unavailableDates", $"At most {MaxUnavailableDates} unavailable dates.");
        }

        for (var i = 0; i < dates.Length; i++)
        {
            if (dates[i] < EarliestDate || dates[i] > LatestDate)
            {
                throw new UnprocessableException($"unavailableDates[{i}]", $"{dates[i]:yyyy-MM-dd} is outside {EarliestDate:yyyy}–{LatestDate:yyyy}.");
            }
        }

        var topics = settings.BriefingTopics.IsDefault ? [] : settings.BriefingTopics;
        for (var i = 0; i < topics.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(topics[i]) || topics[i].Length > 300)
            {
                throw new UnprocessableException($"briefingTopics[{i}]", "A briefing topic is a text of 1 to 300 characters.");
            }
        }

        return settings with
        {
            UnavailableDates = [.. dates.Distinct().Order()],
            BriefingTopics = [.. topics.Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)],
        };
    }
}
