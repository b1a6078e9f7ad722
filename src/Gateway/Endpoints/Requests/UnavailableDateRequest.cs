namespace OrleansTraining.Gateway.Endpoints.Requests;

/// <summary>One more date the lecturer cannot teach, and why (optional).</summary>
public sealed record UnavailableDateRequest(DateOnly Date, string? Reason = null);
