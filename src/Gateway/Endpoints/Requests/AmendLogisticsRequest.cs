namespace OrleansTraining.Gateway.Endpoints.Requests;

/// <summary>The logistics a confirmed host now commits to, replacing those it confirmed, and why they changed.</summary>
public sealed record AmendLogisticsRequest(string Venue, int Rooms, string Lodging, string Transport, string Contact, string? Reason = null);
