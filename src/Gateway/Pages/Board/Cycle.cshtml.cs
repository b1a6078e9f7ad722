using System.Collections.Immutable;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OrleansTraining.Gateway.Pages.Support;
using OrleansTraining.Gateway.Resources;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Cycles;

namespace OrleansTraining.Gateway.Pages.Board;

/// <summary>One cycle: its courses month by month (host, dates, status), the hosting map and the open escalations.</summary>
/// <remarks>Its POSTs (Plan, Publish) count against the account's planning runs, as the API's plan does.</remarks>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Limits.RateLimits.Planning)]
public sealed class CycleModel(IGrainFactory grains, IStringLocalizer<Text> text) : PageModel
{
    public string? Problem { get; private set; }

    /// <summary>Planning is possible in Draft and again in Planned (a new run replaces the plan); the grain decides.</summary>
    public bool CanPlan => Cycle.Status is CycleStatus.Draft or CycleStatus.Planned;

    public bool CanPublish => Cycle.Status == CycleStatus.Planned;

    public CycleView Cycle { get; private set; } = null!;

    public IReadOnlyList<(int Year, int Month, IReadOnlyList<CourseView> Courses)> Months { get; private set; } = [];

    public IReadOnlyList<CourseView> Unscheduled { get; private set; } = [];

    public ImmutableArray<Escalation> Escalations { get; private set; } = [];

    public ImmutableArray<MapPoint> Map { get; private set; } = [];

    /// <summary>Sessions per lecturer in this plan: accepted, and offered but not answered yet; busiest first.</summary>
    public IReadOnlyList<(string Name, int Accepted, int Offered)> Load { get; private set; } = [];

    public int MostSessions => Load.Count == 0 ? 1 : Math.Max(1, Load.Max(l => l.Accepted + l.Offered));

    public Task<IActionResult> OnPostPlanAsync(string cycleId) =>
        ActAsync(cycleId, async cycle => string.Format(CultureInfo.CurrentCulture, text["NoticePlanned"], (await cycle.PlanAsync()).CoursesPlanned));

    public Task<IActionResult> OnPostPublishAsync(string cycleId) =>
        ActAsync(cycleId, async cycle => string.Format(CultureInfo.CurrentCulture, text["NoticePublished"], (await cycle.PublishAsync()).Id));

    public async Task<IActionResult> OnGetAsync(string cycleId)
    {
        var cycle = grains.GetGrain<ICycleGrain>(cycleId);
        try
        {
            Cycle = await cycle.GetAsync();
        }
        catch (NotFoundException)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Partial("_NotFound");
        }

        var plan = await cycle.GetPlanAsync();
        Escalations = await cycle.GetEscalationsAsync(includeResolved: false);
        Months = [.. plan.Courses.Where(c => c.Start is not null)
            .GroupBy(c => (c.Start!.Value.Year, c.Start.Value.Month))
            .OrderBy(g => g.Key)
            .Select(g => (g.Key.Year, g.Key.Month, (IReadOnlyList<CourseView>)[.. g.OrderBy(c => c.Start).ThenBy(c => c.Id, StringComparer.Ordinal)]))];
        Unscheduled = [.. plan.Courses.Where(c => c.Start is null)];
        Map = ProvinceMap.Points(plan.Courses);
        Load = await LecturerLoadAsync(plan);
        return Page();
    }

    private async Task<IReadOnlyList<(string Name, int Accepted, int Offered)>> LecturerLoadAsync(CyclePlan plan)
    {
        var byLecturer = plan.Courses.SelectMany(c => c.Sessions)
            .Where(s => s.LecturerId is not null && s.Staffing is StaffingStatus.Accepted or StaffingStatus.Offered)
            .GroupBy(s => s.LecturerId!)
            .ToList();
        var names = await Task.WhenAll(byLecturer.Select(async g => (g.Key, (await grains.GetGrain<Grains.Lecturers.ILecturerGrain>(g.Key).GetAsync()).FullName)));
        var nameOf = names.ToDictionary(n => n.Key, n => n.FullName, StringComparer.Ordinal);
        return [.. byLecturer
            .Select(g => (nameOf[g.Key], g.Count(s => s.Staffing == StaffingStatus.Accepted), g.Count(s => s.Staffing == StaffingStatus.Offered)))
            .OrderByDescending(l => l.Item2 + l.Item3).ThenBy(l => l.Item1, StringComparer.Ordinal)];
    }

    private async Task<IActionResult> ActAsync(string cycleId, Func<ICycleGrain, Task<string>> act)
    {
        try
        {
            TempData["Notice"] = await act(grains.GetGrain<ICycleGrain>(cycleId));
            return RedirectToPage(new { cycleId });
        }
        catch (ConflictException conflict)
        {
            Problem = FieldMessages.For(text, conflict);
        }

        var page = await OnGetAsync(cycleId);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return page;
    }

    public static string StatusClass(CourseStatus status) => status switch
    {
        CourseStatus.HostConfirmed or CourseStatus.Held or CourseStatus.Reported => "status-ok",
        CourseStatus.Published or CourseStatus.Planned => "status-wait",
        CourseStatus.Cancelled => "status-bad",
        _ => "status-none",
    };

    public static string Staffed(CourseView course) =>
        $"{course.Sessions.Count(s => s.Staffing == StaffingStatus.Accepted)}/{course.Sessions.Length}";
}
