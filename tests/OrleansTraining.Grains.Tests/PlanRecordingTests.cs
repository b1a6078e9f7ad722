using Orleans.TestingHost;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Demo;

namespace OrleansTraining.Grains.Tests;

/// <summary>
/// A planning run's plan is stored before it is written into the courses, so a recording cut off part-way (courses out of
/// reach, the cycle's activation lost) is finished later rather than given up half done or searched for again.
/// </summary>
public sealed class PlanRecordingTests
{
    private const int DeliveredBeforeTheFault = 4;

    [Fact]
    public async Task A_recording_cut_off_part_way_stays_applying_through_a_lost_activation_and_is_finished_whole()
    {
        var fault = FailCourseSchedules.Register(DeliveredBeforeTheFault);
        await using var silo = await PlanningRunTests.SeededAsync(builder => builder.AddSiloBuilderConfigurator<FailCourseSchedules>());
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(DemoIds.CycleId);

        var started = await cycle.StartPlanningRunAsync(PlanningEffort.Standard);
        await Until.Async(() => Task.FromResult(fault.Failures), f => f > 0, "a course refused its schedule", TimeSpan.FromSeconds(60));
        var applying = await cycle.GetPlanningRunAsync();
        Assert.Equal((started.RunId, PlanningRunStatus.Applying), (applying!.RunId, applying.Status));
        Assert.Equal(DeliveredBeforeTheFault, await PlannedCoursesAsync(silo, cycle));
        Assert.Equal(CycleStatus.Planned, (await cycle.GetAsync()).Status);

        // The plan is the cycle's now: the run cannot be stopped, and no other plan may overwrite it meanwhile.
        var cancel = await Assert.ThrowsAsync<ConflictException>(() => cycle.CancelPlanningRunAsync());
        Assert.Equal(ConflictRules.PlanningRunActive, cancel.Rule);
        await Assert.ThrowsAsync<ConflictException>(() => cycle.PlanAsync());

        // The node stops: the next activation delivers the stored plan (still failing here) and does not search again.
        await PlanningRunTests.LoseActivationAsync(cycle);
        var failuresBefore = fault.Failures;
        var afterLoss = await cycle.GetPlanningRunAsync();
        Assert.Equal((started.RunId, PlanningRunStatus.Applying, 0), (afterLoss!.RunId, afterLoss.Status, afterLoss.Restarts));
        Assert.True(fault.Failures > failuresBefore, "the new activation delivered the stored plan again");

        fault.Heal();
        var done = await Until.Async(() => cycle.GetPlanningRunAsync(), r => r is { IsRunning: false }, "the run ended", TimeSpan.FromSeconds(60));
        Assert.Equal((PlanningRunStatus.Completed, 0), (done!.Status, done.Restarts));
        Assert.Equal(20, done.Result!.CoursesPlanned);
        Assert.Equal(20, await PlannedCoursesAsync(silo, cycle));
        var byRun = PlanningRunTests.Placements(await cycle.GetPlanAsync());

        // Delivered whole: exactly the plan a quick plan of the same problem records.
        await cycle.PlanAsync();
        Assert.Equal(byRun, PlanningRunTests.Placements(await cycle.GetPlanAsync()));
    }

    [Fact]
    public async Task A_course_that_refuses_the_recorded_plan_keeps_what_it_has_and_the_refusal_is_a_plan_issue()
    {
        var refusal = RefuseOneCourseSchedule.Register();
        await using var silo = await PlanningRunTests.SeededAsync(builder => builder.AddSiloBuilderConfigurator<RefuseOneCourseSchedule>());
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(DemoIds.CycleId);
        var refusing = (await cycle.GetAsync()).CourseIds[0];
        refusal.CourseId = refusing;

        await cycle.StartPlanningRunAsync(PlanningEffort.Standard);
        var done = await Until.Async(() => cycle.GetPlanningRunAsync(), r => r is { IsRunning: false }, "the run ended", TimeSpan.FromSeconds(60));

        Assert.Equal(PlanningRunStatus.Completed, done!.Status);
        Assert.Equal(19, done.Result!.CoursesPlanned);
        Assert.Equal(19, await PlannedCoursesAsync(silo, cycle));
        Assert.Equal(CourseStatus.Proposed, (await silo.GrainFactory.GetGrain<ICourseGrain>(refusing).GetAsync()).Status);
        var issue = Assert.Single(done.Result.Issues, i => i.CourseId == refusing);
        Assert.Contains(RefuseOneCourseSchedule.Reason, issue.Reason);
        Assert.Contains(issue, (await cycle.GetAsync()).PlanIssues);
    }

    private static async Task<int> PlannedCoursesAsync(GrainCluster silo, ICycleGrain cycle)
    {
        var planned = 0;
        foreach (var id in (await cycle.GetAsync()).CourseIds)
        {
            if ((await silo.GrainFactory.GetGrain<ICourseGrain>(id).GetAsync()).Status == CourseStatus.Planned)
            {
                planned++;
            }
        }

        return planned;
    }
}

/// <summary>After the first few, fails every course's ApplyScheduleAsync as an unreachable node would, until healed.</summary>
public sealed class FailCourseSchedules : ISiloConfigurator, IIncomingGrainCallFilter
{
    private static FailCourseSchedules? _current;
    private volatile bool _failing = true;
    private int _calls;
    private int _failures;

    /// <summary>Calls let through before the fault begins.</summary>
    public int PassBeforeFailing { get; private init; }

    public int Failures => Volatile.Read(ref _failures);

    public static FailCourseSchedules Register(int passBeforeFailing) => _current = new FailCourseSchedules { PassBeforeFailing = passBeforeFailing };

    public void Heal() => _failing = false;

    public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddIncomingGrainCallFilter(_current!);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (_failing && context.InterfaceMethod?.Name == nameof(ICourseGrain.ApplyScheduleAsync)
                     && Interlocked.Increment(ref _calls) > PassBeforeFailing)
        {
            Interlocked.Increment(ref _failures);
            throw new TimeoutException("The course's node could not be reached (test fault).");
        }

        return context.Invoke();
    }
}

/// <summary>Refuses every ApplyScheduleAsync of one course, as a course published or closed meanwhile would.</summary>
public sealed class RefuseOneCourseSchedule : ISiloConfigurator, IIncomingGrainCallFilter
{
    public const string Reason = "This course was published meanwhile (test refusal).";

    private static RefuseOneCourseSchedule? _current;

    /// <summary>The course whose schedule is refused (none until set).</summary>
    public string? CourseId { get; set; }

    public static RefuseOneCourseSchedule Register() => _current = new RefuseOneCourseSchedule();

    public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddIncomingGrainCallFilter(_current!);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.Name == nameof(ICourseGrain.ApplyScheduleAsync) && context.TargetId.Key.ToString() == CourseId)
        {
            throw new ConflictException(ConflictRules.InvalidTransition, Reason);
        }

        return context.Invoke();
    }
}
