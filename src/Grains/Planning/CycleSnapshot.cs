using System.Collections.Immutable;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.Planning;

/// <summary>A course of the cycle as the planner needs it: its current view and its validated draft (topics in order).</summary>
public sealed record SnapshotCourse(CourseView View, CourseDraft Draft);

/// <summary>
/// What the cycle grain gathered from the other grains for one planning call. <see cref="Declined"/> is keyed
/// "courseId/sessionId" (the grain's session ids, "s01"…), as in the cycle's state.
/// </summary>
public sealed record CycleSnapshot(
    string CycleId,
    DateOnly Start,
    DateOnly End,
    string? PreviousCycleId,
    ImmutableArray<SnapshotCourse> Courses,
    ImmutableArray<ProvinceView> Provinces,
    ImmutableArray<LecturerView> Lecturers,
    ImmutableDictionary<string, ImmutableArray<string>> Declined);
