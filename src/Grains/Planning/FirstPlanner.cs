using System.Collections.Immutable;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.Planning;

/// <summary>
/// The first planner: greedy, deterministic, pure. Courses in id order are spread evenly over the cycle; each gets the
/// first teaching days from its slot where a province can host it — a province that did not host last cycle if one is free
/// within a month of the slot — provinces taken in rotation order (not used yet in this plan, did not host last cycle,
/// hosted least, then code). Sessions run two a day in topic order; each goes to the least
/// loaded qualified lecturer the <see cref="LecturerCalendar"/> allows. It never breaks a hard rule: what it cannot place
/// it leaves unplaced, with the reason.
/// </summary>
public static class FirstPlanner
{
    public static PlanProposal Plan(PlanningInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var lecturers = input.Lecturers.OrderBy(l => l.Id, StringComparer.Ordinal).ToDictionary(l => l.Id, StringComparer.Ordinal);
        var hostings = new Dictionary<string, List<(DateOnly Start, DateOnly End)>>(StringComparer.Ordinal);
        var courses = input.Courses.OrderBy(c => c.CourseId, StringComparer.Ordinal).ToList();
        var span = input.End.DayNumber - input.Start.DayNumber + 1;
        var spacing = courses.Count == 0 ? 0 : Math.Max(1, span / courses.Count);
        var proposals = ImmutableArray.CreateBuilder<CourseProposal>();

        for (var i = 0; i < courses.Count; i++)
        {
            var course = courses[i];
            var earliest = input.Start.AddDays(i * spacing);
            var placement = FindHostAndDates(course, earliest, input.End, input.Provinces, hostings);
            if (placement.Host is null)
            {
                proposals.Add(new CourseProposal(course.CourseId, null, placement.Reason));
                continue;
            }

            hostings.TryAdd(placement.Host, []);
            hostings[placement.Host].Add((placement.Dates[0], placement.Dates[^1]));
            var sessions = ImmutableArray.CreateBuilder<PlannedSession>();
            for (var j = 0; j < course.Topics.Length; j++)
            {
                var topic = course.Topics[j];
                var date = placement.Dates[j / 2];
                var slot = j % 2 == 0 ? SessionSlot.Morning : SessionSlot.Afternoon;
                var choice = ChooseLecturer(topic.TopicCode, date, slot, placement.Host, lecturers.Values, ImmutableHashSet<string>.Empty);
                if (choice.LecturerId is string chosen)
                {
                    var l = lecturers[chosen];
                    lecturers[chosen] = l with { Bookings = l.Bookings.Add(new Booking(date, slot, placement.Host)), SessionsInCycle = l.SessionsInCycle + 1 };
                }

                sessions.Add(new PlannedSession(topic.TopicCode, date, slot, topic.Method, choice.LecturerId, choice.Reason));
            }

            proposals.Add(new CourseProposal(
                course.CourseId,
                new CourseSchedule(placement.Host, placement.Dates[0], placement.Dates[^1], sessions.ToImmutable()),
                null));
        }

        return new PlanProposal(proposals.ToImmutable());
    }

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
            .Where(p => !busy.TryGetValue(p.Code, out var taken) || !taken.Any(t => t.Start <= end && start <= t.End))
            .OrderBy(p => p.HostedLastCycle)
            .ThenBy(p => ProvinceDirectory.Exists(declinedBy) && ProvinceDirectory.Exists(p.Code) ? ProvinceDirectory.DistanceKm(declinedBy, p.Code) : 0)
            .ThenBy(p => p.Code, StringComparer.Ordinal)
            .FirstOrDefault();
        return fit is null
            ? (null, $"No other province has a venue for {capacity} trainees free from {start:yyyy-MM-dd} to {end:yyyy-MM-dd}.")
            : (fit.Code, null);
    }

    /// <summary>How far a course may slip from its slot to go to a province that did not host last cycle.</summary>
    private const int RotationWindowDays = 30;

    private static (string? Host, ImmutableArray<DateOnly> Dates, string? Reason) FindHostAndDates(
        PlanningCourse course,
        DateOnly earliest,
        DateOnly last,
        ImmutableArray<PlanningProvince> provinces,
        Dictionary<string, List<(DateOnly Start, DateOnly End)>> hostings)
    {
        var days = Math.Max(1, (course.Topics.Length + 1) / 2);
        var venues = provinces.Where(p => p.VenueCapacity >= course.Capacity).ToList();
        if (venues.Count == 0)
        {
            return (null, [], $"No province has a venue for {course.Capacity} trainees.");
        }

        // Rotation first: a province that did not host last cycle, within a month of the slot; then anyone.
        var windowEnd = earliest.AddDays(RotationWindowDays) < last ? earliest.AddDays(RotationWindowDays) : last;
        var rotated = FindInWindow(venues.Where(p => !p.HostedLastCycle).ToList(), days, earliest, windowEnd, hostings);
        if (rotated.Host is not null)
        {
            return (rotated.Host, rotated.Dates, null);
        }

        var any = FindInWindow(venues, days, earliest, last, hostings);
        return any.Host is not null
            ? (any.Host, any.Dates, null)
            : (null, [], $"No province with a venue for {course.Capacity} trainees is free for {days} teaching days between {earliest:yyyy-MM-dd} and {last:yyyy-MM-dd}.");
    }

    private static (string? Host, ImmutableArray<DateOnly> Dates) FindInWindow(
        List<PlanningProvince> venues,
        int days,
        DateOnly earliest,
        DateOnly last,
        Dictionary<string, List<(DateOnly Start, DateOnly End)>> hostings)
    {
        var rotation = venues
            .OrderBy(p => hostings.ContainsKey(p.Code))
            .ThenBy(p => p.HostedLastCycle)
            .ThenBy(p => p.TimesHosted)
            .ThenBy(p => p.Code, StringComparer.Ordinal)
            .ToList();
        var tried = new HashSet<DateOnly>();
        for (var first = earliest; first <= last; first = first.AddDays(1))
        {
            var dates = TeachingDaysFrom(first, days, last);
            if (dates.IsDefault || !tried.Add(dates[0]))
            {
                continue;
            }

            var host = rotation.FirstOrDefault(p =>
                !p.UnavailableDates.Any(d => d >= dates[0] && d <= dates[^1])
                && !(hostings.TryGetValue(p.Code, out var taken) && taken.Any(t => t.Start <= dates[^1] && dates[0] <= t.End)));
            if (host is not null)
            {
                return (host.Code, dates);
            }
        }

        return (null, default);
    }

    /// <summary>
    /// <paramref name="count"/> consecutive teaching days from <paramref name="first"/>; a weekend may fall inside,
    /// a holiday or Tết may not (the course would be split). Default when they do not fit before <paramref name="last"/>.
    /// </summary>
    private static ImmutableArray<DateOnly> TeachingDaysFrom(DateOnly first, int count, DateOnly last)
    {
        var dates = ImmutableArray.CreateBuilder<DateOnly>(count);
        var day = first;
        while (!TrainingCalendar.IsTeachingDay(day) && day <= last)
        {
            day = day.AddDays(1);
        }

        while (dates.Count < count && day <= last)
        {
            if (TrainingCalendar.IsTeachingDay(day))
            {
                dates.Add(day);
            }
            else if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                return default;
            }

            day = day.AddDays(1);
        }

        return dates.Count == count ? dates.MoveToImmutable() : default;
    }
}
