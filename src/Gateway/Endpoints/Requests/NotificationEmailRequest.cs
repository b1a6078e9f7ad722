namespace OrleansTraining.Gateway.Endpoints.Requests;

/// <summary>Where the caller's notifications are mailed; null or blank for none.</summary>
public sealed record NotificationEmailRequest(string? Email);
