using System.Collections.Immutable;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.Cycles;

/// <summary>Builds the cycle's results report (báo cáo kết quả) from its courses: the product the 2012 document is.</summary>
public static class CycleReportBuilder
{
    public static CycleReport Build(
        string cycleId,
        CycleStatus status,
        DateTimeOffset generatedAt,
        IReadOnlyList<CourseView> courses,
        IEnumerable<Escalation> escalations)
    {
        var held = courses.Where(c => c.Status is CourseStatus.Held or CourseStatus.Reported).ToList();
        var trainees = courses.SelectMany(c => c.Trainees).ToList();
        var byProvince = trainees
            .GroupBy(t => t.ProvinceCode, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var sentNobody = ProvinceDirectory.Codes.Where(code => !byProvince.ContainsKey(code)).ToImmutableArray();
        var heldTrainees = held.SelectMany(c => c.Trainees).ToList();
        var attended = heldTrainees.Count(t => t.Attended == true);
        var evaluations = courses.SelectMany(c => c.Evaluations).ToList();
        return new CycleReport(
            cycleId,
            status,
            generatedAt,
            courses.Count(c => c.HostProvince is not null),
            held.Count,
            [.. courses.Select(c => new CourseOutcome(
                c.Id,
                c.Title,
                c.HostProvince,
                c.Start,
                c.End,
                c.Status,
                c.Trainees.Length,
                c.Trainees.Count(t => t.Attended == true)))],
            byProvince,
            sentNobody,
            trainees.Count,
            attended,
            heldTrainees.Count == 0 ? 0 : Math.Round((double)attended / heldTrainees.Count, 4),
            Averages(evaluations, e => e.TopicCode),
            Averages(evaluations.Where(e => e.LecturerId is not null), e => e.LecturerId!),
            [.. escalations.Where(e => e.ResolvedAt is null)]);
    }

    private static ImmutableArray<EvaluationAverage> Averages(IEnumerable<EvaluationView> evaluations, Func<EvaluationView, string> key) =>
    [
        .. evaluations
            .GroupBy(key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new EvaluationAverage(g.Key, Math.Round(g.Average(e => e.Score), 2), g.Count())),
    ];
}
