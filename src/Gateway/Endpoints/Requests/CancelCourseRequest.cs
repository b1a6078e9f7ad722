namespace OrleansTraining.Gateway.Endpoints.Requests;

/// <summary>Why the board cancels a course; lecturers and the host province are told.</summary>
public sealed record CancelCourseRequest(string Reason);
