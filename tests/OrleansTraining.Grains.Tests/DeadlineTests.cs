using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Provinces;
using OrleansTraining.TestKit;

namespace OrleansTraining.Grains.Tests;

public sealed class DeadlineTests
{
    [Fact]
    public async Task Unanswered_offers_and_hosting_requests_escalate_to_the_board_at_their_deadlines()
    {
        var time = new FakeTimeProvider();
        await using var silo = await GrainWorld.StartAsync(time);
        var (a, _) = await GrainWorld.BuildSmallWorldAsync(silo.GrainFactory);
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey);
        await cycle.PlanAsync();
        await cycle.PublishAsync();

        time.Advance(TimeSpan.FromDays(6));
        await silo.Node.PollRemindersAsync();
        Assert.Empty(await cycle.GetEscalationsAsync(false));

        time.Advance(TimeSpan.FromDays(2)); // offers were due after 7 days
        await silo.Node.PollRemindersAsync();
        var offers = await cycle.GetEscalationsAsync(false);
        Assert.Equal(2, offers.Length);
        Assert.All(offers, e => Assert.Equal(EscalationKind.OfferUnanswered, e.Kind));
        Assert.True(Assert.Single(await silo.GrainFactory.GetGrain<ILecturerGrain>(a).GetAssignmentsAsync()).Escalated);

        time.Advance(TimeSpan.FromDays(7)); // hosting requests were due after 14 days
        await silo.Node.PollRemindersAsync();
        var all = await cycle.GetEscalationsAsync(false);
        var hosting = Assert.Single(all, e => e.Kind == EscalationKind.HostingRequestUnanswered);
        var host = (await cycle.GetPlanAsync()).Courses.Single().HostProvince!;
        Assert.Contains(ProvinceDirectory.Get(host).NameVi, hosting.Detail);
        Assert.Contains(hosting, (await cycle.GetReportAsync()).OpenEscalations);

        // A late answer is still taken, and resolves its escalation.
        await silo.GrainFactory.GetGrain<IProvinceGrain>(host).ConfirmHostingAsync(hosting.SubjectKey, GrainWorld.Logistics());
        Assert.DoesNotContain(await cycle.GetEscalationsAsync(false), e => e.Kind == EscalationKind.HostingRequestUnanswered);
        Assert.Contains(await cycle.GetEscalationsAsync(true), e => e.Id == hosting.Id && e.ResolvedAt is not null);
    }

    [Fact]
    public async Task Materials_not_sent_fourteen_days_before_the_start_are_flagged_and_sending_them_clears_the_flag()
    {
        var time = new FakeTimeProvider();
        await using var silo = await GrainWorld.StartAsync(time);
        await GrainWorld.BuildSmallWorldAsync(silo.GrainFactory);
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey);
        await cycle.PlanAsync();
        await cycle.PublishAsync();
        var courseId = (await cycle.GetAsync()).CourseIds.Single();
        var course = silo.GrainFactory.GetGrain<ICourseGrain>(courseId);
        var start = (await course.GetAsync()).Start!.Value; // 2027-03-01

        time.SetUtcNow(new DateTimeOffset(start.AddDays(-15).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        await silo.Node.PollRemindersAsync();
        Assert.False((await course.GetAsync()).MaterialsOverdue);

        time.SetUtcNow(new DateTimeOffset(start.AddDays(-14).ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));
        await silo.Node.PollRemindersAsync();
        Assert.True((await course.GetAsync()).MaterialsOverdue);
        var flag = Assert.Single(await cycle.GetEscalationsAsync(false), e => e.Kind == EscalationKind.MaterialsNotSent);
        Assert.Equal(courseId, flag.CourseId);

        var sent = await course.MarkMaterialsSentAsync(null);
        Assert.False(sent.MaterialsOverdue);
        Assert.DoesNotContain(await cycle.GetEscalationsAsync(false), e => e.Kind == EscalationKind.MaterialsNotSent);
    }

    [Fact]
    public async Task Materials_sent_in_time_raise_no_flag()
    {
        var time = new FakeTimeProvider();
        await using var silo = await GrainWorld.StartAsync(time);
        await GrainWorld.BuildSmallWorldAsync(silo.GrainFactory);
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey);
        await cycle.PlanAsync();
        await cycle.PublishAsync();
        var course = silo.GrainFactory.GetGrain<ICourseGrain>((await cycle.GetAsync()).CourseIds.Single());
        await course.MarkMaterialsSentAsync(null);

        time.Advance(TimeSpan.FromDays(60));
        await silo.Node.PollRemindersAsync();

        Assert.False((await course.GetAsync()).MaterialsOverdue);
        Assert.DoesNotContain(await cycle.GetEscalationsAsync(true), e => e.Kind == EscalationKind.MaterialsNotSent);
    }
}
