namespace OrleansTraining.Gateway.Endpoints.Requests;

/// <summary>Why the lecturer withdraws from a session they accepted.</summary>
public sealed record WithdrawalRequest(string Reason);
