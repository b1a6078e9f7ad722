using System.Collections.Immutable;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.Cycles;

/// <summary>Names the report shows beside codes: topic titles of the cycle's curriculum and lecturers' names.</summary>
public sealed record ReportNames(IReadOnlyDictionary<string, string> Topics, IReadOnlyDictionary<string, string> Lecturers)
{
    public static ReportNames None { get; } = new(new Dictionary<string, string>(), new Dictionary<string, string>());

    public string Topic(string code) => Topics.GetValueOrDefault(code, code);

    public string Lecturer(string id) => Lecturers.GetValueOrDefault(id, id);
}

/// <summary>
/// Builds the cycle's results report (báo cáo kết quả) from its courses, section by section as the 2012 document has
/// it: what each course taught, how and by whom; who came from where and who sent nobody; how trainees rated topics,
/// lecturers and methods; whether materials went out in time; the board's conclusions and recommendations.
/// </summary>
public static class CycleReportBuilder
{
    public static CycleReport Build(
        string cycleId,
        CycleStatus status,
        DateTimeOffset generatedAt,
        IReadOnlyList<CourseView> courses,
        IEnumerable<Escalation> escalations,
        ReportNames? names = null,
        BoardConclusions? conclusions = null)
    {
        names ??= ReportNames.None;
        var held = courses.Where(IsHeld).ToList();
        var trainees = courses.SelectMany(c => c.Trainees).ToList();
        var byProvince = trainees
            .GroupBy(t => t.ProvinceCode, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var sentNobody = ProvinceDirectory.Codes.Where(code => !byProvince.ContainsKey(code)).ToImmutableArray();
        var heldTrainees = held.SelectMany(c => c.Trainees).ToList();
        var attended = heldTrainees.Count(t => t.Attended == true);
        var evaluations = courses.SelectMany(c => c.Evaluations).ToList();
        var details = courses.Select(c => Detail(c, names)).ToImmutableArray();
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
            Averages(evaluations, e => e.TopicCode, names.Topic),
            Averages(evaluations.Where(e => e.LecturerId is not null), e => e.LecturerId!, names.Lecturer),
            [.. escalations.Where(e => e.ResolvedAt is null)],
            details,
            [.. ProvinceDirectory.All.Select(p => new ProvinceAttendance(
                p.Code,
                p.NameVi,
                trainees.Count(t => t.ProvinceCode == p.Code),
                trainees.Count(t => t.ProvinceCode == p.Code && t.Attended == true)))],
            Averages(evaluations, e => e.TeachingMethod.ToString(), MethodName),
            details.Count(d => d.Materials == MaterialsTiming.OnTime),
            details.Count(d => d.Materials == MaterialsTiming.Late),
            details.Count(d => d.Materials == MaterialsTiming.NotSent),
            conclusions?.Conclusions,
            conclusions is null || conclusions.Recommendations.IsDefault ? [] : conclusions.Recommendations);
    }

    /// <summary>Vietnamese names of the teaching methods, as the report prints them.</summary>
    public static string MethodName(string method) => method switch
    {
        nameof(TeachingMethod.Lecture) => "Giảng bài",
        nameof(TeachingMethod.Discussion) => "Thảo luận",
        nameof(TeachingMethod.FieldStudy) => "Nghiên cứu thực tế",
        _ => method,
    };

    private static bool IsHeld(CourseView c) => c.Status is CourseStatus.Held or CourseStatus.Closed or CourseStatus.Reported;

    private static CourseReport Detail(CourseView c, ReportNames names)
    {
        var topics = c.Sessions
            .GroupBy(s => s.TopicCode, StringComparer.Ordinal)
            .Select(g => new TopicTaught(
                g.Key,
                names.Topic(g.Key),
                [.. g.Select(s => s.Method).Distinct().Order()],
                [.. Lecturers(g, names)]))
            .ToImmutableArray();
        return new CourseReport(
            c.Id,
            c.Title,
            c.HostProvince,
            c.Start,
            c.End,
            c.Status,
            topics,
            [.. c.Sessions.Select(s => s.Method).Distinct().Order()],
            [.. Lecturers(c.Sessions, names)],
            Timing(c),
            c.MaterialsSentOn,
            c.MaterialsDueBy,
            c.Trainees.Length,
            c.Trainees.Count(t => t.Attended == true),
            c.Evaluations.Length);
    }

    // Only lecturers who took the session (accepted): an open offer is not yet someone who teaches it.
    private static IEnumerable<ReportPerson> Lecturers(IEnumerable<SessionView> sessions, ReportNames names) => sessions
        .Where(s => s.LecturerId is not null && s.Staffing == StaffingStatus.Accepted)
        .Select(s => s.LecturerId!)
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .Select(id => new ReportPerson(id, names.Lecturer(id)));

    private static MaterialsTiming Timing(CourseView c) => c.MaterialsSentOn switch
    {
        null => MaterialsTiming.NotSent,
        { } sent when c.MaterialsDueBy is { } due && sent > due => MaterialsTiming.Late,
        _ => MaterialsTiming.OnTime,
    };

    private static ImmutableArray<EvaluationAverage> Averages(IEnumerable<EvaluationView> evaluations, Func<EvaluationView, string> key, Func<string, string> label) =>
    [
        .. evaluations
            .GroupBy(key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new EvaluationAverage(
                g.Key,
                Math.Round(g.Average(e => (e.Content + e.Method + e.Usefulness) / 3.0), 2),
                g.Count(),
                label(g.Key),
                Math.Round(g.Average(e => e.Content), 2),
                Math.Round(g.Average(e => e.Method), 2),
                Math.Round(g.Average(e => e.Usefulness), 2))),
    ];
}
