using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansTraining.Grains.Common;
using Engine = OrleansTraining.Planner.Cycle;

namespace OrleansTraining.Grains.Cycles;

/// <summary>
/// The largest problem the planner takes: its search runs on this node's CPU for every plan and variant, so a cycle
/// grown beyond any real programme is refused (422) before the engine starts, not left to run for minutes.
/// </summary>
public sealed partial class CycleGrain
{
    private void EnsurePlannable(Engine.CycleProblem problem)
    {
        // Read from the services rather than the constructor: the bound is a concern of planning alone.
        var limits = ServiceProvider.GetRequiredService<IOptions<LimitOptions>>().Value;
        var courses = problem.Courses.Length;
        if (courses > limits.PlannerMaxCourses)
        {
            throw new UnprocessableException("courses", $"The cycle has {courses} courses to plan; the planner takes at most {limits.PlannerMaxCourses}.");
        }

        var sessions = problem.Courses.Sum(c => Count(c.Sessions) + (c.Itinerary.IsDefault ? 0 : c.Itinerary.Sum(stop => Count(stop.Sessions))));
        if (sessions > limits.PlannerMaxSessions)
        {
            throw new UnprocessableException("courses", $"The cycle has {sessions} sessions to plan; the planner takes at most {limits.PlannerMaxSessions}.");
        }
    }

    private static int Count(System.Collections.Immutable.ImmutableArray<Engine.TopicSessions> sessions) =>
        sessions.IsDefault ? 0 : sessions.Sum(s => s.Sessions);
}
