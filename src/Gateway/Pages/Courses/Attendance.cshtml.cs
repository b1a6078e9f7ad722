using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OrleansTraining.Gateway.Auth;
using OrleansTraining.Gateway.Pages.Support;
using OrleansTraining.Gateway.Resources;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;

namespace OrleansTraining.Gateway.Pages.Courses;

/// <summary>
/// A course's attendance sheet: its nominees by its days, one checkbox each, saved a day at a time. The board, or the
/// course's host province, as in the API; any other account lands on the 403 page before a handler runs.
/// </summary>
public sealed class AttendanceModel(IGrainFactory grains, IStringLocalizer<Text> text, PageFormat format) : PageModel
{
    public CourseView Course { get; private set; } = null!;

    public IReadOnlyList<DateOnly> Days { get; private set; } = [];

    /// <summary>Attendance is taken while the course is held; a closed course shows it frozen.</summary>
    public bool Open => Course.Status == CourseStatus.Held;

    public bool Shown => Course.Status is CourseStatus.Held or CourseStatus.Closed or CourseStatus.Reported;

    public string? Problem { get; private set; }

    public DateOnly? ProblemDay { get; private set; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await LoadAsync();
        }
        catch (NotFoundException)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            context.Result = Partial("_NotFound");
            return;
        }

        if (!User.IsBoard() && !(Course.HostProvince is { } host && User.ActsFor(host)))
        {
            context.Result = new ForbidResult(PageAuth.Scheme);
            return;
        }

        await next();
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostSaveAsync(string day, string[]? present)
    {
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Problem = text["AttendanceBadDay"];
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        try
        {
            var saved = await grains.GetGrain<ICourseGrain>(Course.Id).RecordAttendanceAsync(
                new DailyAttendance(date, [.. present ?? []]), User.IsBoard() ? null : User.ProvinceCode());
            var count = saved.Attendance.FirstOrDefault(d => d.Day == date)?.PresentTraineeIds.Length ?? 0;
            TempData["Notice"] = string.Format(CultureInfo.CurrentCulture, text["AttendanceSaved"], format.Date(date), count, saved.Trainees.Length);
            return RedirectToPage(new { courseId = Course.Id });
        }
        catch (UnprocessableException unprocessable)
        {
            Problem = unprocessable.Field == "day" ? text["AttendanceBadDay"] : unprocessable.Message;
        }
        catch (ConflictException conflict)
        {
            Problem = text["AttendanceClosed"] is { ResourceNotFound: false } closed ? closed.Value : conflict.Message;
        }
        catch (ForbiddenException)
        {
            return new ForbidResult(PageAuth.Scheme);
        }

        ProblemDay = date;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public bool WasPresent(DateOnly day, string traineeId) =>
        Course.Attendance.FirstOrDefault(d => d.Day == day)?.PresentTraineeIds.Contains(traineeId) == true;

    public bool Recorded(DateOnly day) => Course.Attendance.Any(d => d.Day == day);

    public static string DayKey(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task LoadAsync()
    {
        var courseId = RouteData.Values["courseId"]?.ToString() ?? "";
        Course = await grains.GetGrain<ICourseGrain>(courseId).GetAsync();
        var days = new List<DateOnly>();
        if (Course.Start is DateOnly start && Course.End is DateOnly end)
        {
            for (var d = start; d <= end; d = d.AddDays(1))
            {
                days.Add(d);
            }
        }

        Days = days;
    }
}
