using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrleansTraining.Gateway.Pages.Support;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Curricula;
using OrleansTraining.Grains.FieldTrips;

namespace OrleansTraining.Gateway.Pages.Board;

/// <summary>One field trip: its stops in order on the map, with dates, sessions, briefings and each stop's answer.</summary>
public sealed class FieldTripModel(IGrainFactory grains) : PageModel
{
    public FieldTripView Trip { get; private set; } = null!;

    public IReadOnlyList<FieldTripStopView> Stops { get; private set; } = [];

    private Dictionary<string, Topic> Topics { get; } = new(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync(string fieldTripId)
    {
        try
        {
            Trip = await grains.GetGrain<IFieldTripGrain>(fieldTripId).GetAsync();
        }
        catch (NotFoundException)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Partial("_NotFound");
        }

        Stops = [.. Trip.Stops.OrderBy(s => s.Number)];
        var course = await grains.GetGrain<ICourseGrain>(Trip.CourseId).GetAsync();
        foreach (var topic in (await grains.GetGrain<ICurriculumGrain>(course.CurriculumVersion).GetAsync()).Topics)
        {
            Topics[topic.Code] = topic;
        }

        return Page();
    }

    public string TopicTitle(string code) =>
        Topics.TryGetValue(code, out var topic) ? (PageCultures.IsEnglish ? topic.TitleEn : topic.TitleVi) : code;

    /// <summary>The route through the stops' provinces, as SVG polyline points.</summary>
    public string Route => string.Join(' ', Stops.Select(s => ProvinceMap.Project(s.ProvinceCode))
        .Select(p => $"{ProvinceMap.Number(p.X)},{ProvinceMap.Number(p.Y)}"));

    public static string StatusClass(StopStatus status) => status switch
    {
        StopStatus.Confirmed => "status-ok",
        StopStatus.Declined => "status-bad",
        _ => "status-wait",
    };
}
