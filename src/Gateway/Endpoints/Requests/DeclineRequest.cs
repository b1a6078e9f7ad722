namespace OrleansTraining.Gateway.Endpoints.Requests;

/// <summary>Why a hosting request or a teaching offer is declined.</summary>
public sealed record DeclineRequest(string Reason);
