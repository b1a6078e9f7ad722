namespace OrleansTraining.Gateway.Endpoints.Requests;

/// <summary>One session's ratings, 1–5 each, and an optional comment.</summary>
public sealed record RatingRequest(string? SessionId = null, int? Content = null, int? Method = null, int? Usefulness = null, string? Comment = null);
