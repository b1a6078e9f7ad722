using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Core.Internal;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Demo;

namespace OrleansTraining.Grains.Tests;

/// <summary>Planning runs: off the cycle's turn, with progress, cancellation, nothing applied when the cycle moved on, and started again when their activation is lost.</summary>
public sealed class PlanningRunTests
{
    [Fact]
    public async Task A_standard_run_reports_progress_and_records_the_same_plan_as_the_quick_plan()
    {
        await using var silo = await SeededAsync();
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(DemoIds.CycleId);

        var started = await cycle.StartPlanningRunAsync(PlanningEffort.Standard);
        Assert.Equal(PlanningRunStatus.Running, started.Status);
        Assert.Equal(CyclePlanIterations, started.MaxIterations);
        var done = await Until.Async(() => cycle.GetPlanningRunAsync(), r => r is { IsRunning: false }, "the run ended", TimeSpan.FromSeconds(60));

        Assert.Equal(PlanningRunStatus.Completed, done!.Status);
        Assert.Equal(1.0, done.Progress);
        Assert.Equal(20, done.Result!.CoursesPlanned);
        Assert.True(done.Best!.Feasible);
        Assert.Equal(CycleStatus.Planned, (await cycle.GetAsync()).Status);
        var byRun = Placements(await cycle.GetPlanAsync());

        // Same problem, same seed and budget: the quick plan finds exactly what the run recorded.
        await cycle.PlanAsync();
        Assert.Equal(byRun, Placements(await cycle.GetPlanAsync()));
    }

    [Fact]
    public async Task The_cycle_answers_while_a_run_works_and_a_cancelled_run_changes_nothing()
    {
        await using var silo = await SeededAsync();
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(DemoIds.CycleId);

        await cycle.StartPlanningRunAsync(PlanningEffort.Exhaustive);
        var progressing = await Until.Async(() => cycle.GetPlanningRunAsync(), r => r!.Iterations > 0, "the run reported progress", TimeSpan.FromSeconds(30));
        Assert.Equal(PlanningRunStatus.Running, progressing!.Status);
        Assert.InRange(progressing.Progress, 0.0, 0.99);
        // The engine holds no turn: the cycle's other calls are answered while it searches.
        Assert.Equal(CycleStatus.Draft, (await cycle.GetAsync()).Status);
        await Assert.ThrowsAsync<ConflictException>(() => cycle.StartPlanningRunAsync(PlanningEffort.Standard));
        await Assert.ThrowsAsync<ConflictException>(() => cycle.PlanAsync());

        var cancelled = await cycle.CancelPlanningRunAsync();

        Assert.Equal(PlanningRunStatus.Cancelled, cancelled.Status);
        Assert.NotNull(cancelled.EndedAt);
        Assert.Equal(CycleStatus.Draft, (await cycle.GetAsync()).Status);
        Assert.All((await cycle.GetPlanAsync()).Courses, c => Assert.Null(c.Start));
        Assert.Equal(PlanningRunStatus.Cancelled, (await cycle.CancelPlanningRunAsync()).Status); // again: nothing changes
        var quick = await cycle.PlanAsync(); // the cycle plans again once the run is over
        Assert.Equal(20, quick.CoursesPlanned);
    }

    [Fact]
    public async Task A_run_whose_cycle_changed_meanwhile_applies_nothing()
    {
        await using var silo = await SeededAsync();
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(DemoIds.CycleId);

        await cycle.StartPlanningRunAsync(PlanningEffort.Thorough);
        var added = await cycle.AddCourseAsync(GrainWorld.SmallCourse());
        var ended = await Until.Async(() => cycle.GetPlanningRunAsync(), r => r is { IsRunning: false }, "the run ended", TimeSpan.FromSeconds(120));

        Assert.Equal(PlanningRunStatus.Superseded, ended!.Status);
        Assert.Null(ended.Result);
        Assert.Equal(CycleStatus.Draft, (await cycle.GetAsync()).Status);
        Assert.Contains(added.Id, (await cycle.GetAsync()).CourseIds);
        Assert.All((await cycle.GetPlanAsync()).Courses, c => Assert.Null(c.Start));
    }

    [Fact]
    public async Task A_run_whose_activation_was_lost_starts_again_and_records_the_same_plan()
    {
        await using var silo = await SeededAsync();
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(DemoIds.CycleId);

        var started = await StartThenLoseAsync(cycle);
        var resumed = await cycle.GetPlanningRunAsync();
        var done = await Until.Async(() => cycle.GetPlanningRunAsync(), r => r is { IsRunning: false }, "the run ended", TimeSpan.FromSeconds(120));

        Assert.Equal(started.RunId, resumed!.RunId);
        Assert.Equal(1, resumed.Restarts);
        Assert.Equal(started.StartedAt, resumed.StartedAt);
        Assert.Equal(PlanningRunStatus.Completed, done!.Status);
        Assert.Equal(20, done.Result!.CoursesPlanned);
        Assert.Equal(CycleStatus.Planned, (await cycle.GetAsync()).Status);
        var byResumedRun = Placements(await cycle.GetPlanAsync());

        // The run is no longer stored: a new activation starts nothing, and a run of the same effort that nothing
        // interrupts (not refused as "a run is under way") finds exactly what the restarted run recorded.
        await LoseActivationAsync(cycle);
        Assert.Null(await cycle.GetPlanningRunAsync());
        await cycle.StartPlanningRunAsync(PlanningEffort.Exhaustive);
        var again = await Until.Async(() => cycle.GetPlanningRunAsync(), r => r is { IsRunning: false }, "the second run ended", TimeSpan.FromSeconds(120));
        Assert.Equal((PlanningRunStatus.Completed, 0), (again!.Status, again.Restarts));
        Assert.Equal(byResumedRun, Placements(await cycle.GetPlanAsync()));
    }

    [Fact]
    public async Task A_lost_run_whose_cycle_changed_applies_nothing_and_is_forgotten()
    {
        await using var silo = await SeededAsync();
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(DemoIds.CycleId);

        var started = await StartThenLoseAsync(cycle);
        var added = await cycle.AddCourseAsync(GrainWorld.SmallCourse());
        var ended = await Until.Async(() => cycle.GetPlanningRunAsync(), r => r is { IsRunning: false }, "the run ended", TimeSpan.FromSeconds(120));

        Assert.Equal(started.RunId, ended!.RunId);
        Assert.Equal(PlanningRunStatus.Superseded, ended.Status);
        Assert.Null(ended.Result);
        Assert.Contains(added.Id, (await cycle.GetAsync()).CourseIds);
        Assert.Equal(CycleStatus.Draft, (await cycle.GetAsync()).Status);
        Assert.All((await cycle.GetPlanAsync()).Courses, c => Assert.Null(c.Start));
        await LoseActivationAsync(cycle);
        Assert.Null(await cycle.GetPlanningRunAsync());
    }

    [Fact]
    public async Task A_run_lost_again_and_again_is_given_up_and_a_lost_run_can_be_cancelled()
    {
        await using var silo = await SeededAsync();
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(DemoIds.CycleId);

        var started = await cycle.StartPlanningRunAsync(PlanningEffort.Exhaustive);
        var restarts = new List<int>();
        for (var lost = 1; lost < CycleGrain.MaxRunStarts; lost++)
        {
            await LoseActivationAsync(cycle);
            var run = await cycle.GetPlanningRunAsync();
            Assert.Equal(PlanningRunStatus.Running, run!.Status);
            restarts.Add(run.Restarts);
        }

        await LoseActivationAsync(cycle);
        var givenUp = await cycle.GetPlanningRunAsync();

        Assert.Equal([1, 2], restarts);
        Assert.Equal(started.RunId, givenUp!.RunId);
        Assert.Equal(PlanningRunStatus.Failed, givenUp.Status);
        Assert.Contains($"{CycleGrain.MaxRunStarts} times", givenUp.Message);
        Assert.Equal(CycleStatus.Draft, (await cycle.GetAsync()).Status);

        // Another run, lost once, then cancelled by the board: it ends there and is not started again.
        var second = await cycle.StartPlanningRunAsync(PlanningEffort.Exhaustive);
        await LoseActivationAsync(cycle);
        var cancelled = await cycle.CancelPlanningRunAsync();
        await LoseActivationAsync(cycle);

        Assert.Equal(second.RunId, cancelled.RunId);
        Assert.Equal(PlanningRunStatus.Cancelled, cancelled.Status);
        Assert.Null(await cycle.GetPlanningRunAsync());
        Assert.All((await cycle.GetPlanAsync()).Courses, c => Assert.Null(c.Start));
    }

    [Fact]
    public async Task Unknown_cycles_efforts_and_runs_are_refused()
    {
        await using var silo = await GrainWorld.StartAsync();
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>("2091-2092");

        await Assert.ThrowsAsync<NotFoundException>(() => cycle.StartPlanningRunAsync(PlanningEffort.Standard));
        await Assert.ThrowsAsync<DomainValidationException>(() => cycle.StartPlanningRunAsync((PlanningEffort)7));
        Assert.Null(await cycle.GetPlanningRunAsync());
        await Assert.ThrowsAsync<NotFoundException>(() => cycle.CancelPlanningRunAsync());
    }

    private const long CyclePlanIterations = CycleGrain.PlanIterations;

    internal static string[] Placements(CyclePlan plan) =>
        [.. plan.Courses.OrderBy(c => c.Id, StringComparer.Ordinal)
            .Select(c => $"{c.Id} {c.HostProvince} {c.Start} " + string.Join(",", c.Sessions.Select(s => $"{s.Date}{s.Slot}={s.LecturerId}")))];

    /// <summary>An exhaustive run that has begun searching, then its activation lost.</summary>
    private static async Task<PlanningRunView> StartThenLoseAsync(ICycleGrain cycle)
    {
        var started = await cycle.StartPlanningRunAsync(PlanningEffort.Exhaustive);
        await Until.Async(() => cycle.GetPlanningRunAsync(), r => r!.Iterations > 0, "the run reported progress", TimeSpan.FromSeconds(30));
        await LoseActivationAsync(cycle);
        return started;
    }

    /// <summary>
    /// What a node that stops does to the cycle: its activation, with the engine's thread of work, is gone. The runs lost
    /// this way are exhaustive ones: a thorough run (300,000 iterations) can end within half a second once jitted.
    /// </summary>
    internal static async Task LoseActivationAsync(ICycleGrain cycle)
    {
        await cycle.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        // The deactivation completes between calls; a read then reaches a new activation built from the stored state.
        await Task.Delay(200);
    }

    internal static async Task<GrainCluster> SeededAsync(Action<Orleans.TestingHost.TestClusterBuilder>? configure = null)
    {
        var silo = configure is null ? await GrainWorld.StartAsync() : await GrainCluster.StartAsync(configure: configure);
        await new DemoDataSeeder(NullLogger<DemoDataSeeder>.Instance).SeedAsync(silo.GrainFactory, CancellationToken.None);
        return silo;
    }
}
