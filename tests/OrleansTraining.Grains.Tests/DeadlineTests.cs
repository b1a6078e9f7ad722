using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.Tests;

public sealed class DeadlineTests
{
    [Fact]
    public async Task Unanswered_offers_and_hosting_requests_escalate_to_the_board_at_their_deadlines()
    {
        await using var silo = await GrainWorld.StartAsync();
        var (a, _) = await GrainWorld.BuildSmallWorldAsync(silo.GrainFactory);
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey);
        await cycle.PlanAsync();
        await cycle.PublishAsync();

        await silo.AdvanceAsync(TimeSpan.FromDays(6));
        Assert.Empty(await cycle.GetEscalationsAsync(false));

        await silo.AdvanceAsync(TimeSpan.FromDays(2)); // offers were due after 7 days
        var offers = await Until.Async(() => cycle.GetEscalationsAsync(false), e => e.Length >= 2, "both offers escalated");
        Assert.Equal(2, offers.Length);
        Assert.All(offers, e => Assert.Equal(EscalationKind.OfferUnanswered, e.Kind));
        Assert.True(Assert.Single(await silo.GrainFactory.GetGrain<ILecturerGrain>(a).GetAssignmentsAsync()).Escalated);

        await silo.AdvanceAsync(TimeSpan.FromDays(7)); // hosting requests were due after 14 days
        var all = await Until.Async(
            () => cycle.GetEscalationsAsync(false), e => e.Any(x => x.Kind == EscalationKind.HostingRequestUnanswered), "the hosting request escalated");
        var hosting = Assert.Single(all, e => e.Kind == EscalationKind.HostingRequestUnanswered);
        var host = (await cycle.GetPlanAsync()).Courses.Single().HostProvince!;
        Assert.Contains(ProvinceDirectory.Get(host).NameVi, hosting.Detail);
        Assert.Contains(hosting, (await cycle.GetReportAsync()).OpenEscalations);

        // A late answer is still taken, and resolves its escalation.
        await silo.GrainFactory.GetGrain<IProvinceGrain>(host).ConfirmHostingAsync(hosting.SubjectKey, GrainWorld.Logistics());
        await Until.DeliveredAsync(silo.GrainFactory.GetGrain<IProvinceGrain>(host));
        Assert.DoesNotContain(await cycle.GetEscalationsAsync(false), e => e.Kind == EscalationKind.HostingRequestUnanswered);
        Assert.Contains(await cycle.GetEscalationsAsync(true), e => e.Id == hosting.Id && e.ResolvedAt is not null);
    }

    [Fact]
    public async Task Materials_not_sent_fourteen_days_before_the_start_are_flagged_and_sending_them_clears_the_flag()
    {
        await using var silo = await GrainWorld.StartAsync();
        await GrainWorld.BuildSmallWorldAsync(silo.GrainFactory);
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey);
        await cycle.PlanAsync();
        await cycle.PublishAsync();
        var courseId = (await cycle.GetAsync()).CourseIds.Single();
        var course = silo.GrainFactory.GetGrain<ICourseGrain>(courseId);
        var start = (await course.GetAsync()).Start!.Value; // 2027-03-01

        await silo.AdvanceAsync(new DateTimeOffset(start.AddDays(-15).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) - silo.Time.GetUtcNow());
        Assert.False((await course.GetAsync()).MaterialsOverdue);

        await silo.AdvanceAsync(new DateTimeOffset(start.AddDays(-14).ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero) - silo.Time.GetUtcNow());
        await Until.Async(() => course.GetAsync(), c => c.MaterialsOverdue, "the course flagged its materials overdue");
        var flags = await Until.Async(
            () => cycle.GetEscalationsAsync(false), e => e.Any(x => x.Kind == EscalationKind.MaterialsNotSent), "the cycle has the materials escalation");
        var flag = Assert.Single(flags, e => e.Kind == EscalationKind.MaterialsNotSent);
        Assert.Equal(courseId, flag.CourseId);

        var sent = await course.MarkMaterialsSentAsync(null);
        Assert.False(sent.MaterialsOverdue);
        await Until.DeliveredAsync(course);
        Assert.DoesNotContain(await cycle.GetEscalationsAsync(false), e => e.Kind == EscalationKind.MaterialsNotSent);
    }

    [Fact]
    public async Task Materials_sent_in_time_raise_no_flag()
    {
        await using var silo = await GrainWorld.StartAsync();
        await GrainWorld.BuildSmallWorldAsync(silo.GrainFactory);
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey);
        await cycle.PlanAsync();
        await cycle.PublishAsync();
        var course = silo.GrainFactory.GetGrain<ICourseGrain>((await cycle.GetAsync()).CourseIds.Single());
        await course.MarkMaterialsSentAsync(null);

        await silo.AdvanceAsync(TimeSpan.FromDays(60));

        Assert.False((await course.GetAsync()).MaterialsOverdue);
        Assert.DoesNotContain(await cycle.GetEscalationsAsync(true), e => e.Kind == EscalationKind.MaterialsNotSent);
    }
}
