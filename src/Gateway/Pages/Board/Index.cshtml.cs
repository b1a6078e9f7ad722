using System.Collections.Immutable;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OrleansTraining.Gateway.Resources;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Registry;

namespace OrleansTraining.Gateway.Pages.Board;

/// <summary>Every cycle, newest first, as GET /api/cycles lists them, and the decisions no cycle could hold.</summary>
public sealed class IndexModel(IGrainFactory grains, IStringLocalizer<Text> text) : PageModel
{
    public IReadOnlyList<CycleView> Cycles { get; private set; } = [];

    /// <summary>Decisions addressed to no existing cycle or trip (GET /api/undeliverable-decisions), newest first.</summary>
    public ImmutableArray<UndeliverableDecision> Undeliverable { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var registryGrain = grains.GetGrain<IRegistryGrain>(IRegistryGrain.Key);
        var registry = await registryGrain.GetAsync();
        Undeliverable = await registryGrain.GetUndeliverableAsync();
        var cycles = await Task.WhenAll(registry.CycleIds.Select(id => grains.GetGrain<ICycleGrain>(id).GetAsync()));
        Cycles = [.. cycles.OrderByDescending(c => c.Start)];
    }

    /// <summary>The board has dealt with an undeliverable decision: it leaves the list (kept, with who and when).</summary>
    public async Task<IActionResult> OnPostDismissAsync(string? followUpId)
    {
        if (string.IsNullOrWhiteSpace(followUpId))
        {
            return BadRequest();
        }

        try
        {
            await grains.GetGrain<IRegistryGrain>(IRegistryGrain.Key).DismissUndeliverableAsync(followUpId);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        TempData["Notice"] = text["NoticeUndeliverableDismissed"].Value;
        return RedirectToPage(null, null, "undeliverable");
    }
}
