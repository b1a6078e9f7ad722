using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OrleansTraining.Gateway.Pages.Support;
using OrleansTraining.Gateway.Resources;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Cycles;

namespace OrleansTraining.Gateway.Pages.Board;

/// <summary>
/// A planning run followed live: a progress bar that the page refreshes itself every second while the engine works (no
/// script), a cancel button, and what the run placed once it is done.
/// </summary>
/// <remarks>Start counts against the account's planning runs, as the API's start does (a 429 problem with Retry-After beyond it); Cancel does not.</remarks>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Limits.RateLimits.Planning)]
[Limits.RateLimitedHandlers("Start")]
public sealed class PlanningRunModel(IGrainFactory grains, IStringLocalizer<Text> text) : PageModel
{
    public const int RefreshSeconds = 1;

    public CycleView Cycle { get; private set; } = null!;

    public PlanningRunView? Run { get; private set; }

    public string? Problem { get; private set; }

    [BindProperty]
    public PlanningEffort Effort { get; set; } = PlanningEffort.Standard;

    public bool CanStart => Run?.IsRunning != true && Cycle.Status is CycleStatus.Draft or CycleStatus.Planned or CycleStatus.Published or CycleStatus.Running;

    public int Percent => Run is null ? 0 : (int)Math.Round(Run.Progress * 100);

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

        Run = await cycle.GetPlanningRunAsync();
        if (Run?.IsRunning == true)
        {
            ViewData["RefreshSeconds"] = RefreshSeconds;
        }

        return Page();
    }

    public Task<IActionResult> OnPostStartAsync(string cycleId) =>
        ActAsync(cycleId, cycle => cycle.StartPlanningRunAsync(Effort));

    public Task<IActionResult> OnPostCancelAsync(string cycleId) =>
        ActAsync(cycleId, cycle => cycle.CancelPlanningRunAsync());

    private async Task<IActionResult> ActAsync(string cycleId, Func<ICycleGrain, Task<PlanningRunView>> act)
    {
        int status;
        try
        {
            await act(grains.GetGrain<ICycleGrain>(cycleId));
            return RedirectToPage(new { cycleId });
        }
        catch (ConflictException conflict)
        {
            Problem = FieldMessages.For(text, conflict);
            status = StatusCodes.Status409Conflict;
        }
        catch (DomainValidationException invalid)
        {
            Problem = FieldMessages.For(text, invalid);
            status = StatusCodes.Status400BadRequest;
        }
        catch (NotFoundException)
        {
            return RedirectToPage(new { cycleId }); // no such cycle (the page says so) or no run to cancel
        }

        var page = await OnGetAsync(cycleId);
        Response.StatusCode = status;
        return page;
    }
}
