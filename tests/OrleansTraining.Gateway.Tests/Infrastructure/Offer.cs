namespace OrleansTraining.Gateway.Tests.Infrastructure;

/// <summary>A session offered to a lecturer, as the plan shows it.</summary>
public sealed record Offer(string CourseId, string SessionId, string LecturerId, string AssignmentId);
