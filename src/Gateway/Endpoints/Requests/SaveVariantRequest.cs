using OrleansTraining.Grains.Cycles;

namespace OrleansTraining.Gateway.Endpoints.Requests;

/// <summary>
/// A what-if variant to plan and save: other weights, a lecturer removed, a province unavailable (on the given dates,
/// or the whole cycle when none are given). Any combination; none at all re-plans with the current weights.
/// </summary>
public sealed record SaveVariantRequest(
    string Name,
    PlannerWeights? Weights = null,
    string? RemovedLecturerId = null,
    string? UnavailableProvince = null,
    List<DateOnly>? UnavailableDates = null);
