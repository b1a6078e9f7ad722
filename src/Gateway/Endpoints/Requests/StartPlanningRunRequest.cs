namespace OrleansTraining.Gateway.Endpoints.Requests;

/// <summary>How hard the engine searches: "Standard" (the quick plan's budget), "Thorough" (×10) or "Exhaustive" (×100).</summary>
public sealed record StartPlanningRunRequest(string? Effort = null);
