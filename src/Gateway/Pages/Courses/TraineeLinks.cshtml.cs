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
/// Issuing a course's trainees their personal links, as <c>POST /api/courses/{id}/trainee-links</c>: the board for every
/// nominee, a province for its own. The links are shown once, in the answer to the post (the course keeps only their
/// hashes); issuing again replaces them. A province with no nominee in the course lands on the 403 page, as in the API.
/// </summary>
public sealed class TraineeLinksModel(IGrainFactory grains, IStringLocalizer<Text> text) : PageModel
{
    public CourseView Course { get; private set; } = null!;

    /// <summary>Who gets a link when the caller issues: the board all nominees, a province its own.</summary>
    public IReadOnlyList<NominatedTrainee> Nominees { get; private set; } = [];

    /// <summary>The links just issued with their addresses; empty on every other rendering.</summary>
    public IReadOnlyList<(TraineeLink Link, string Url)> Issued { get; private set; } = [];

    public string? Problem { get; private set; }

    public string BackLink => User.ProvinceCode() is { } code ? $"/province/{Uri.EscapeDataString(code)}/nominations" : $"/board/cycles/{Uri.EscapeDataString(Course.CycleId)}/plan";

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

        // Before any handler: a province may act only for its own nominees, so one without any has nothing here.
        if (!User.IsBoard() && Nominees.Count == 0)
        {
            context.Result = new ForbidResult(PageAuth.Scheme);
            return;
        }

        await next();
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostIssueAsync()
    {
        try
        {
            var links = await grains.GetGrain<ICourseGrain>(Course.Id).IssueTraineeLinksAsync(User.IsBoard() ? null : User.ProvinceCode());
            Issued = [.. links.Select(l => (l, $"{Request.Scheme}://{Request.Host}{Request.PathBase}/trainee/{Uri.EscapeDataString(l.Token)}"))];
            // Rendered, not redirected: the links must not travel through TempData; no-store keeps them out of caches.
            Response.Headers.CacheControl = "no-store";
            return Page();
        }
        catch (ConflictException)
        {
            Problem = text["TraineeLinksClosed"];
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        catch (ForbiddenException)
        {
            return new ForbidResult(PageAuth.Scheme);
        }
    }

    private async Task LoadAsync()
    {
        var courseId = RouteData.Values["courseId"]?.ToString() ?? "";
        Course = await grains.GetGrain<ICourseGrain>(courseId).GetAsync();
        var own = User.ProvinceCode();
        Nominees = [.. (Course.Trainees.IsDefault ? [] : Course.Trainees)
            .Where(t => User.IsBoard() || (own is not null && User.ActsFor(t.ProvinceCode)))
            .OrderBy(t => t.ProvinceCode, StringComparer.Ordinal).ThenBy(t => t.Trainee.FullName, StringComparer.CurrentCulture)];
    }
}
