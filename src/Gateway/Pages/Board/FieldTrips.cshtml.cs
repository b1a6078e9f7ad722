using Microsoft.AspNetCore.Mvc.RazorPages;
using OrleansTraining.Grains.FieldTrips;
using OrleansTraining.Grains.Registry;

namespace OrleansTraining.Gateway.Pages.Board;

/// <summary>Every field trip, latest first.</summary>
public sealed class FieldTripsModel(IGrainFactory grains) : PageModel
{
    public IReadOnlyList<FieldTripView> Trips { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var registry = await grains.GetGrain<IRegistryGrain>(IRegistryGrain.Key).GetAsync();
        var trips = await Task.WhenAll(registry.FieldTripIds.Select(id => grains.GetGrain<IFieldTripGrain>(id).GetAsync()));
        Trips = [.. trips.OrderByDescending(t => t.Start)];
    }
}
