using System.Collections.Immutable;
using OrleansTraining.Grains.Courses;

namespace OrleansTraining.Grains.Planning;

/// <summary>A course's proposed schedule, or why none was found. Unstaffed sessions carry their reason in the schedule.</summary>
public sealed record CourseProposal(string CourseId, CourseSchedule? Schedule, string? UnhostedReason);

/// <summary>The lecturer chosen for a session, or why nobody could be.</summary>
public sealed record LecturerChoice(string? LecturerId, string? Reason);
