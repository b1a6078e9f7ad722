using System.Collections.Immutable;
using OrleansTraining.Grains.Courses;

namespace OrleansTraining.Grains.Planning;

/// <summary>
/// Planning after publish sees only the courses not yet published; the published ones keep their venues. Their days
/// are added to their hosts' unavailable dates, so a new course never lands on a venue that is already taken.
/// </summary>
public static class CommittedVenues
{
    public static CycleSnapshot Block(CycleSnapshot snapshot, IEnumerable<CourseView> allCourses)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var planning = snapshot.Courses.Select(c => c.View.Id).ToHashSet(StringComparer.Ordinal);
        var taken = allCourses
            .Where(c => !planning.Contains(c.Id) && c.Status is not CourseStatus.Cancelled
                        && c is { HostProvince: not null, Start: not null, End: not null })
            .SelectMany(c => Days(c.Start!.Value, c.End!.Value).Select(d => (Province: c.HostProvince!, Day: d)))
            .ToLookup(x => x.Province, x => x.Day, StringComparer.Ordinal);
        return snapshot with
        {
            Provinces = [.. snapshot.Provinces.Select(p => taken[p.Code].Any()
                ? p with { UnavailableDates = [.. (p.UnavailableDates.IsDefault ? [] : p.UnavailableDates).Concat(taken[p.Code]).Distinct().Order()] }
                : p)],
        };
    }

    private static IEnumerable<DateOnly> Days(DateOnly start, DateOnly end)
    {
        for (var d = start; d <= end; d = d.AddDays(1))
        {
            yield return d;
        }
    }
}
