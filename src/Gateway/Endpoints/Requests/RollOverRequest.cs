namespace OrleansTraining.Gateway.Endpoints.Requests;

/// <summary>The curriculum version the next cycle follows; none: the closing cycle's own.</summary>
public sealed record RollOverRequest(string? CurriculumVersion = null);
