using System.Text.Json;
using Orleans.Hosting;
using Orleans.TestingHost;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.Tests;

/// <summary>
/// The board's plan and report answer from the cycle's read model: after changes made through the cycle (an accept)
/// and straight on the course (nominations, materials), they equal what the courses themselves say, and reading them
/// asks no course or lecturer for its view.
/// </summary>
public sealed class CycleReadModelTests
{
    [Fact]
    public async Task Plan_and_report_follow_every_course_change_without_asking_the_courses_or_lecturers()
    {
        var reads = CountCourseAndLecturerReads.Register();
        // Views older than the refresh time are read from the courses again: ten minutes keep this test's views fresh.
        await using var silo = await GrainCluster.StartAsync(configure: builder =>
        {
            builder.AddSiloBuilderConfigurator<CountCourseAndLecturerReads>();
            builder.AddSiloBuilderConfigurator<RefreshAfterTenMinutes>();
        });
        var (a, b) = await GrainWorld.BuildSmallWorldAsync(silo.GrainFactory);
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey);
        await cycle.PlanAsync();
        await cycle.PublishAsync();
        var lecturerA = silo.GrainFactory.GetGrain<ILecturerGrain>(a);
        await lecturerA.AcceptAsync((await lecturerA.GetAssignmentsAsync()).Single().Offer.AssignmentId);
        await Until.DeliveredAsync(lecturerA);
        var course = silo.GrainFactory.GetGrain<ICourseGrain>((await cycle.GetAsync()).CourseIds.Single());
        var view = await course.GetAsync();
        var host = silo.GrainFactory.GetGrain<IProvinceGrain>(view.HostProvince!);
        await host.ConfirmHostingAsync(view.HostingRequestId!, GrainWorld.Logistics());
        await Until.DeliveredAsync(host);
        await cycle.GetReportAsync();

        // Changes after the model was read: one through the cycle's delivery, two made on the course directly.
        var lecturerB = silo.GrainFactory.GetGrain<ILecturerGrain>(b);
        await lecturerB.AcceptAsync((await lecturerB.GetAssignmentsAsync()).Single().Offer.AssignmentId);
        await Until.DeliveredAsync(lecturerB);
        await course.NominateAsync(new NominationRequest("hue", GrainWorld.Trainees(2)));
        await course.MarkMaterialsSentAsync(null);

        reads.Reset();
        var plan = await cycle.GetPlanAsync();
        var report = await cycle.GetReportAsync();
        Assert.Equal(0, reads.Count);

        var now = await course.GetAsync();
        Assert.Equal(JsonSerializer.Serialize(now), JsonSerializer.Serialize(plan.Courses.Single()));
        Assert.All(now.Sessions, s => Assert.Equal(StaffingStatus.Accepted, s.Staffing));
        Assert.Equal(2, report.TraineesNominated);
        Assert.Equal(1, report.MaterialsOnTime);
        Assert.Equal(
            new[] { (a, "Nguyễn Văn A"), (b, "Trần Thị B") },
            report.CourseDetails.Single().Lecturers.Select(l => (l.Id, l.Name)).ToArray());
    }

    [Fact]
    public async Task Plan_and_report_answer_while_the_cycle_is_held_up_handling_an_answer()
    {
        var hold = HoldCycleFollowUps.Register();
        await using var silo = await GrainCluster.StartAsync(configure: builder => builder.AddSiloBuilderConfigurator<HoldCycleFollowUps>());
        var (a, _, cycle) = await GrainWorld.PublishedSmallWorldAsync(silo.GrainFactory);
        var lecturer = silo.GrainFactory.GetGrain<ILecturerGrain>(a);
        var offer = (await lecturer.GetAssignmentsAsync()).Single().Offer;

        hold.Close();
        await lecturer.AcceptAsync(offer.AssignmentId);
        await hold.Held.WaitAsync(GrainCluster.ResponseTimeout);

        // Without interleaving these would queue behind the held call and time out.
        var plan = await cycle.GetPlanAsync();
        await cycle.GetReportAsync();
        Assert.Equal(StaffingStatus.Offered, plan.Courses.Single().Sessions.Single(s => s.SessionId == offer.SessionId).Staffing);

        hold.Open();
        await Until.DeliveredAsync(lecturer);
        var after = await cycle.GetPlanAsync();
        Assert.Equal(StaffingStatus.Accepted, after.Courses.Single().Sessions.Single(s => s.SessionId == offer.SessionId).Staffing);
    }
}

/// <summary>While closed, holds every follow-up a cycle receives inside the cycle's turn, as a slow decision would.</summary>
public sealed class HoldCycleFollowUps : HoldCalls<HoldCycleFollowUps>
{
    public static HoldCycleFollowUps Register() => Use(new HoldCycleFollowUps());

    /// <summary>A follow-up arriving at a cycle.</summary>
    public static bool IsCycleFollowUp(IIncomingGrainCallContext context) =>
        context.Grain is ICycleGrain && context.InterfaceMethod?.Name == nameof(ICycleGrain.ReceiveFollowUpAsync);

    protected override bool Holds(IIncomingGrainCallContext context) => IsCycleFollowUp(context);
}

/// <summary>Counts the calls that read a course's or a lecturer's view (the fan-out the read model replaces).</summary>
public sealed class CountCourseAndLecturerReads : ISiloConfigurator, IIncomingGrainCallFilter
{
    private static CountCourseAndLecturerReads? _current;
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public static CountCourseAndLecturerReads Register() => _current = new CountCourseAndLecturerReads();

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddIncomingGrainCallFilter(_current!);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.Grain is ICourseGrain or ILecturerGrain && context.InterfaceMethod?.Name == nameof(ICourseGrain.GetAsync))
        {
            Interlocked.Increment(ref _count);
        }

        return context.Invoke();
    }
}
