using Microsoft.AspNetCore.Mvc.RazorPages;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Registry;

namespace OrleansTraining.Gateway.Pages.Board;

/// <summary>Every cycle, newest first, as GET /api/cycles lists them.</summary>
public sealed class IndexModel(IGrainFactory grains) : PageModel
{
    public IReadOnlyList<CycleView> Cycles { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var registry = await grains.GetGrain<IRegistryGrain>(IRegistryGrain.Key).GetAsync();
        var cycles = await Task.WhenAll(registry.CycleIds.Select(id => grains.GetGrain<ICycleGrain>(id).GetAsync()));
        Cycles = [.. cycles.OrderByDescending(c => c.Start)];
    }
}
