namespace OrleansTraining.Gateway.Endpoints.Requests;

/// <summary>The logistics a province commits to when it confirms hosting.</summary>
public sealed record ConfirmHostingRequest(string Venue, int Rooms, string Lodging, string Transport, string Contact);
