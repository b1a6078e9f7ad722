using System.Collections.Immutable;
using System.Globalization;

namespace OrleansTraining.Grains.Planning;

/// <summary>
/// Classes of one series ("lớp 1", "lớp 2", …) are the same course given several times: the planner may place them in
/// any order, but people expect class 1 to come first. Interchangeable courses that nothing pins yet swap their whole
/// schedules (host, dates, sessions with lecturers) so that dates follow the classes' order; each schedule stays
/// exactly as valid and as costly, because the courses differ only in their titles.
/// </summary>
public static class ClassOrder
{
    public static ImmutableArray<CourseProposal> Apply(ImmutableArray<CourseProposal> proposals, CycleSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var byId = proposals.ToDictionary(p => p.CourseId, StringComparer.Ordinal);
        var reordered = new Dictionary<string, CourseProposal>(StringComparer.Ordinal);
        var series = snapshot.Courses
            .Where(c => IsFree(c, snapshot) && byId.TryGetValue(c.View.Id, out var p) && p.Schedule is not null)
            .GroupBy(c => SeriesKey(c), StringComparer.Ordinal)
            .Where(g => g.Count() > 1);
        foreach (var classes in series)
        {
            // Course ids end in the class's number ("…-c02", "…-c10"): shorter first, then ordinal, is numeric order.
            var inClassOrder = classes.Select(c => c.View.Id).OrderBy(id => id.Length).ThenBy(id => id, StringComparer.Ordinal).ToList();
            var schedules = inClassOrder.Select(id => byId[id].Schedule!)
                .OrderBy(s => s.Start).ThenBy(s => s.HostProvince, StringComparer.Ordinal)
                .ToList();
            for (var i = 0; i < inClassOrder.Count; i++)
            {
                reordered[inClassOrder[i]] = byId[inClassOrder[i]] with { Schedule = schedules[i] };
            }
        }

        return [.. proposals.Select(p => reordered.GetValueOrDefault(p.CourseId, p))];
    }

    /// <summary>Not yet committed to anyone: no nominations, declines, field trips or pinned decisions.</summary>
    private static bool IsFree(SnapshotCourse course, CycleSnapshot snapshot) =>
        course.View.Status is Courses.CourseStatus.Proposed or Courses.CourseStatus.Planned
        && course.View.Trainees.IsDefaultOrEmpty
        && course.View.FieldTripIds.IsDefaultOrEmpty
        && course.View.HostingRequestId is null
        && !snapshot.Declined.Keys.Any(k => k.StartsWith(course.View.Id + "/", StringComparison.Ordinal));

    /// <summary>Everything but the title: courses with the same key are interchangeable for the planner.</summary>
    private static string SeriesKey(SnapshotCourse course)
    {
        var draft = course.Draft;
        return string.Join(
            '|',
            string.Join(',', draft.Audience.Positions),
            string.Join(',', draft.Audience.Levels),
            draft.Capacity.ToString(CultureInfo.InvariantCulture),
            draft.QuotaPerProvince.ToString(CultureInfo.InvariantCulture),
            string.Join(',', draft.Topics.Select(t => $"{t.TopicCode}:{t.Method}")),
            string.Join(',', draft.CoOrganisers.IsDefault ? [] : draft.CoOrganisers));
    }
}
