using System.Collections.Immutable;
using OrleansTraining.Grains.Courses;

namespace OrleansTraining.Grains.Cycles;

/// <summary>
/// A planning run's plan while it is being recorded: stored with the run in the same write that records the plan's
/// status and issues in the cycle, then delivered to the courses. If delivery fails part-way, or the node stops, the
/// next attempt (the run's timer, its reminder, any look at the run) delivers it again from the start; every delivery
/// is idempotent, so the plan the board was promised is recorded whole rather than given up half done.
/// </summary>
/// <param name="Schedules">The courses placed, each with its schedule.</param>
/// <param name="BackToProposed">The courses that were planned and no longer are.</param>
/// <param name="Result">What the run reports once the plan is recorded.</param>
[GenerateSerializer, Immutable, Alias("ot.PlanRecording")]
public sealed record PlanRecording(
    ImmutableArray<ScheduledCourse> Schedules,
    ImmutableArray<string> BackToProposed,
    PlanResult Result);

/// <summary>A course the plan places, with its schedule.</summary>
[GenerateSerializer, Immutable, Alias("ot.ScheduledCourse")]
public sealed record ScheduledCourse(string CourseId, CourseSchedule Schedule);
