using System.Collections.Immutable;
using OrleansTraining.Planner.Search;

namespace OrleansTraining.Planner.Cycle;

public enum HalfDay
{
    Morning,
    Afternoon,
}

/// <summary>Where and when a course runs; for a field trip the host is its first stop.</summary>
public sealed record CoursePlacement(string CourseId, string HostProvince, DateOnly Start, DateOnly End);

public sealed record SessionAssignment(
    string SessionId,
    string CourseId,
    string TopicId,
    DateOnly Date,
    HalfDay Slot,
    string Province,
    string? LecturerId);

public sealed record CyclePlan(ImmutableArray<CoursePlacement> Courses, ImmutableArray<SessionAssignment> Sessions, Score Score)
{
    public CoursePlacement Course(string courseId) => Courses.First(c => c.CourseId == courseId);

    public SessionAssignment Session(string sessionId) => Sessions.First(s => s.SessionId == sessionId);
}
