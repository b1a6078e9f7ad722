using OrleansTraining.Grains.Cycles;

namespace OrleansTraining.Gateway.Endpoints.Requests;

/// <summary>The board's written conclusions and its recommendations (each Open or Done; open ones carry into the next cycle).</summary>
public sealed record ConclusionsRequest(string? Conclusions = null, IReadOnlyList<RecommendationRequest>? Recommendations = null);

public sealed record RecommendationRequest(string? Text = null, RecommendationStatus Status = RecommendationStatus.Open);
