using System.Collections.Immutable;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrleansTraining.Gateway.Pages.Support;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Cycles;

namespace OrleansTraining.Gateway.Pages.Board;

/// <summary>One cycle: its courses month by month (host, dates, status), the hosting map and the open escalations.</summary>
public sealed class CycleModel(IGrainFactory grains) : PageModel
{
    public CycleView Cycle { get; private set; } = null!;

    public IReadOnlyList<(int Year, int Month, IReadOnlyList<CourseView> Courses)> Months { get; private set; } = [];

    public IReadOnlyList<CourseView> Unscheduled { get; private set; } = [];

    public ImmutableArray<Escalation> Escalations { get; private set; } = [];

    public ImmutableArray<MapPoint> Map { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string cycleId)
    {
        var cycle = grains.GetGrain<ICycleGrain>(cycleId);
        try
        {
            Cycle = await cycle.GetAsync();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        var plan = await cycle.GetPlanAsync();
        Escalations = await cycle.GetEscalationsAsync(includeResolved: false);
        Months = [.. plan.Courses.Where(c => c.Start is not null)
            .GroupBy(c => (c.Start!.Value.Year, c.Start.Value.Month))
            .OrderBy(g => g.Key)
            .Select(g => (g.Key.Year, g.Key.Month, (IReadOnlyList<CourseView>)[.. g.OrderBy(c => c.Start).ThenBy(c => c.Id, StringComparer.Ordinal)]))];
        Unscheduled = [.. plan.Courses.Where(c => c.Start is null)];
        Map = ProvinceMap.Points(plan.Courses);
        return Page();
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
