using System.Collections.Immutable;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OrleansTraining.Gateway.Pages.Support;
using OrleansTraining.Gateway.Resources;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Curricula;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Lecturers;

namespace OrleansTraining.Gateway.Pages.Board;

/// <summary>
/// A cycle's plan explained beside its what-if variants: the score per constraint, why each course has its host and
/// start and each session its lecturer (<c>?course=</c>, <c>?session=&lt;course&gt;/sNN</c>), the saved variants and one
/// compared with the plan (<c>?variant=</c>). The same cycle grain calls as the planning API; the grain decides.
/// </summary>
public sealed partial class PlanModel(IGrainFactory grains, IStringLocalizer<Text> text, PageFormat format) : PageModel
{
    public CycleView Cycle { get; private set; } = null!;

    /// <summary>The plan's score; null while no course is placed (nothing to score or explain).</summary>
    public PlanScoreBreakdown? Score { get; private set; }

    public IReadOnlyList<CourseView> Courses { get; private set; } = [];

    public PlanLabels Labels { get; private set; } = null!;

    /// <summary>Topic titles in the page's language by code; the code itself when the curriculum lacks it.</summary>
    public IReadOnlyDictionary<string, string> Topics { get; private set; } = new Dictionary<string, string>();

    [BindProperty(SupportsGet = true, Name = "course")]
    public string? ExplainCourseId { get; set; }

    /// <summary>"&lt;course id&gt;/sNN", as the grain names sessions in moves and violations.</summary>
    [BindProperty(SupportsGet = true, Name = "session")]
    public string? ExplainSessionKey { get; set; }

    public PlanExplanation? Explanation { get; private set; }

    public CourseView? ExplainedCourse { get; private set; }

    public SessionView? ExplainedSession { get; private set; }

    public string? ExplainProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string cycleId)
    {
        if (!await LoadAsync(cycleId))
        {
            return NotFoundPage();
        }

        return Page();
    }

    /// <summary>Everything the page shows; false when the cycle does not exist.</summary>
    private async Task<bool> LoadAsync(string cycleId)
    {
        var cycle = grains.GetGrain<ICycleGrain>(cycleId);
        try
        {
            Cycle = await cycle.GetAsync();
        }
        catch (NotFoundException)
        {
            return false;
        }

        var plan = await cycle.GetPlanAsync();
        Courses = [.. plan.Courses.Where(c => c.Start is not null && c.HostProvince is not null)
            .OrderBy(c => c.Start).ThenBy(c => c.Id, StringComparer.Ordinal)];
        if (Courses.Count > 0)
        {
            Score = await cycle.GetPlanScoreAsync();
            Topics = (await grains.GetGrain<ICurriculumGrain>(Cycle.CurriculumVersion).GetAsync()).Topics
                .ToDictionary(t => t.Code, t => PageCultures.IsEnglish ? t.TitleEn : t.TitleVi, StringComparer.Ordinal);
            Variants = await cycle.GetVariantsAsync();
            await ExplainAsync(cycle);
            await CompareAsync(cycle);
        }

        Labels = new PlanLabels(text, format, await LecturerNamesAsync());
        Lecturers = [.. Courses.SelectMany(c => c.Sessions).Select(s => s.LecturerId).OfType<string>().Distinct(StringComparer.Ordinal)
            .Select(id => (id, Labels.Lecturer(id))).OrderBy(l => l.Item2, StringComparer.CurrentCulture)];
        return true;
    }

    private async Task ExplainAsync(ICycleGrain cycle)
    {
        try
        {
            if (!string.IsNullOrWhiteSpace(ExplainSessionKey))
            {
                var slash = ExplainSessionKey.LastIndexOf('/');
                var (courseId, sessionId) = slash > 0 ? (ExplainSessionKey[..slash], ExplainSessionKey[(slash + 1)..]) : (ExplainSessionKey, "");
                Explanation = await cycle.ExplainSessionAsync(courseId, sessionId);
                ExplainedCourse = Courses.FirstOrDefault(c => c.Id == courseId);
                ExplainedSession = ExplainedCourse?.Sessions.FirstOrDefault(s => s.SessionId == sessionId);
            }
            else if (!string.IsNullOrWhiteSpace(ExplainCourseId))
            {
                Explanation = await cycle.ExplainCourseAsync(ExplainCourseId);
                ExplainedCourse = Courses.FirstOrDefault(c => c.Id == ExplainCourseId);
            }
        }
        catch (NotFoundException)
        {
            ExplainProblem = text["ExplainNotFound"];
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    /// <summary>Names for every lecturer the page mentions: the plan's, the explanation's alternatives, the variants' and the moves'.</summary>
    private async Task<IReadOnlyDictionary<string, string>> LecturerNamesAsync()
    {
        var ids = Courses.SelectMany(c => c.Sessions).Select(s => s.LecturerId)
            .Concat(Variants.Select(v => v.Spec.RemovedLecturerId))
            .Concat(Explanation is { } e && ExplainedSession is not null ? [e.Current, .. e.Alternatives.Select(a => a.Option)] : [])
            .Concat(Comparison is { } c ? c.Moves.Where(m => m.Kind == "Lecturer").SelectMany(m => new[] { m.Current, m.Variant }) : [])
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var names = await Task.WhenAll(ids.Select(async id =>
        {
            try
            {
                return (Id: id, Name: (await grains.GetGrain<ILecturerGrain>(id).GetAsync()).FullName);
            }
            catch (NotFoundException)
            {
                return (Id: id, Name: id);
            }
        }));
        return names.ToDictionary(n => n.Id, n => n.Name, StringComparer.Ordinal);
    }

    /// <summary>The link to this page with an explanation and/or a comparison open, so both can stand side by side.</summary>
    public string Link(string? course = null, string? session = null, string? variant = null, string anchor = "")
    {
        var query = new List<string>();
        if (course is not null)
        {
            query.Add("course=" + Uri.EscapeDataString(course));
        }

        if (session is not null)
        {
            query.Add("session=" + Uri.EscapeDataString(session));
        }

        if (variant is not null)
        {
            query.Add("variant=" + Uri.EscapeDataString(variant));
        }

        var path = $"/board/cycles/{Uri.EscapeDataString(Cycle.Id)}/plan";
        return (query.Count == 0 ? path : path + "?" + string.Join("&", query)) + (anchor.Length > 0 ? "#" + anchor : "");
    }

    public string Topic(string code) => Topics.GetValueOrDefault(code, code);

    private PartialViewResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Partial("_NotFound");
    }
}
