namespace OrleansTraining.Gateway.Endpoints.Requests;

/// <summary>When the materials went out; none: today.</summary>
public sealed record MaterialsSentRequest(DateOnly? SentOn = null);
