namespace OrleansTraining.Gateway.Endpoints.Requests;

/// <summary>Every date the lecturer cannot teach; replaces the earlier list.</summary>
public sealed record UnavailabilityRequest(IReadOnlyList<DateOnly> Dates);
