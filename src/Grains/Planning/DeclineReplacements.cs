using System.Collections.Immutable;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.Planning;

/// <summary>
/// How the cycle answers a decline without re-planning: the next suitable lecturer for a declined session, and another
/// host for a course a province refused. Greedy, deterministic, pure; what it cannot place it leaves, with the reason.
/// (The first plan itself comes from the planning engine; see <see cref="CycleProblemMapper"/>.)
/// </summary>
public static class DeclineReplacements
{
    /// <summary>
    /// The least-loaded qualified lecturer (then by id) whose calendar allows this half-day in this province,
    /// skipping <paramref name="excluded"/> (those who declined it). Otherwise the reason, counted by rule.
    /// </summary>
    public static LecturerChoice ChooseLecturer(
        string topicCode,
        DateOnly date,
        SessionSlot slot,
        string provinceCode,
        IEnumerable<PlanningLecturer> lecturers,
        IReadOnlySet<string> excluded)
    {
        var qualified = lecturers.Where(l => l.QualifiedTopics.Contains(topicCode)).ToList();
        if (qualified.Count == 0)
        {
            return new LecturerChoice(null, $"No lecturer is qualified for topic '{topicCode}'.");
        }

        var candidate = new Booking(date, slot, provinceCode);
        var refusals = new SortedDictionary<string, int>(StringComparer.Ordinal);
        PlanningLecturer? best = null;
        foreach (var lecturer in qualified)
        {
            if (excluded.Contains(lecturer.Id))
            {
                refusals["declined"] = refusals.GetValueOrDefault("declined") + 1;
                continue;
            }

            var clash = LecturerCalendar.Check(candidate, lecturer.Bookings, lecturer.UnavailableDates, lecturer.SessionsInCycle, lecturer.MaxSessionsPerCycle);
            if (clash is not null)
            {
                refusals[clash.Rule] = refusals.GetValueOrDefault(clash.Rule) + 1;
                continue;
            }

            if (best is null
                || lecturer.SessionsInCycle < best.SessionsInCycle
                || (lecturer.SessionsInCycle == best.SessionsInCycle && string.CompareOrdinal(lecturer.Id, best.Id) < 0))
            {
                best = lecturer;
            }
        }

        if (best is not null)
        {
            return new LecturerChoice(best.Id, null);
        }

        var why = string.Join(", ", refusals.Select(r => $"{r.Value} {r.Key}"));
        return new LecturerChoice(
            null,
            $"None of the {qualified.Count} lecturers qualified for '{topicCode}' can teach on {date:yyyy-MM-dd} ({slot}) in {provinceCode}: {why}.");
    }

    /// <summary>
    /// Another province for a course whose host declined, keeping the course's dates so lecturers and trainees keep theirs:
    /// the nearest (to the province that declined) with venue and dates free, preferring one that did not host last cycle.
    /// </summary>
    public static (string? Host, string? Reason) ChooseReplacementHost(
        int capacity,
        DateOnly start,
        DateOnly end,
        string declinedBy,
        IReadOnlySet<string> excluded,
        IEnumerable<PlanningProvince> provinces,
        IReadOnlyDictionary<string, ImmutableArray<(DateOnly Start, DateOnly End)>> busy)
    {
        var fit = provinces
            .Where(p => !excluded.Contains(p.Code) && p.Code != declinedBy)
            .Where(p => p.VenueCapacity >= capacity)
            .Where(p => !p.UnavailableDates.Any(d => d >= start && d <= end))
            .Where(p => !busy.TryGetValue(p.Code, out var taken) || HasFreeRoom(taken, start, end, p.Rooms))
            .OrderBy(p => p.HostedLastCycle)
            .ThenBy(p => ProvinceDirectory.Exists(declinedBy) && ProvinceDirectory.Exists(p.Code) ? ProvinceDirectory.DistanceKm(declinedBy, p.Code) : 0)
            .ThenBy(p => p.Code, StringComparer.Ordinal)
            .FirstOrDefault();
        return fit is null
            ? (null, $"No other province has a venue for {capacity} trainees free from {start:yyyy-MM-dd} to {end:yyyy-MM-dd}.")
            : (fit.Code, null);
    }

    /// <summary>True when on every day of the course fewer courses than the province has rooms are already there.</summary>
    private static bool HasFreeRoom(ImmutableArray<(DateOnly Start, DateOnly End)> taken, DateOnly start, DateOnly end, int rooms)
    {
        for (var day = start; day <= end; day = day.AddDays(1))
        {
            if (taken.Count(t => t.Start <= day && day <= t.End) >= Math.Max(1, rooms))
            {
                return false;
            }
        }

        return true;
    }
}
