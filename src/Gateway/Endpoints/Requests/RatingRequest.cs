namespace OrleansTraining.Gateway.Endpoints.Requests;

/// <summary>One session's ratings, 1–5 each, and an optional comment.</summary>
public sealed record RatingRequest(string? SessionId, int? Content, int? Method, int? Usefulness, string? Comment = null);
