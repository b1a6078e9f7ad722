using Microsoft.Extensions.Time.Testing;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.FieldTrips;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.Tests;

public sealed class FieldTripTests
{
    private static NewFieldTrip Trip(params FieldTripStopDraft[] stops) =>
        new("Lớp Đại học Chính trị chuyên ngành tổ chức khóa 9", 1, 2, [.. stops], 60, 30, [], Historical: false);

    private static FieldTripStopDraft Stop(string province, int day, int days = 2) =>
        new(province, null, new DateOnly(2027, 5, day), new DateOnly(2027, 5, day + days - 1), ["Công tác cán bộ"], 1);

    private static async Task<ICourseGrain> CourseAsync(GrainCluster silo)
    {
        await GrainWorld.BuildSmallWorldAsync(silo.GrainFactory);
        return silo.GrainFactory.GetGrain<ICourseGrain>((await silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey).GetAsync()).CourseIds.Single());
    }

    [Fact]
    public async Task Each_stop_is_requested_from_and_confirmed_by_its_own_province()
    {
        await using var silo = await GrainWorld.StartAsync();
        var course = await CourseAsync(silo);

        var trip = await course.AddFieldTripAsync(Trip(Stop("Quảng Nam", 3), Stop("hue", 6)));

        Assert.Equal("trip 1 of 2", trip.Label);
        Assert.Equal(["da-nang", "hue"], trip.Stops.Select(s => s.ProvinceCode).ToArray());
        Assert.Contains(trip.Id, (await course.GetAsync()).FieldTripIds);
        var daNang = silo.GrainFactory.GetGrain<IProvinceGrain>("da-nang");
        var request = Assert.Single(await daNang.GetHostingRequestsAsync());
        Assert.Equal(HostingRequestKind.FieldTripStop, request.Request.Kind);

        await daNang.ConfirmHostingAsync(request.Request.RequestId, GrainWorld.Logistics());
        await Until.DeliveredAsync(daNang);
        var hue = silo.GrainFactory.GetGrain<IProvinceGrain>("hue");
        await hue.DeclineHostingAsync(Assert.Single(await hue.GetHostingRequestsAsync()).Request.RequestId, new HostingDecline("Lễ hội"));

        var after = await Until.Async(
            () => silo.GrainFactory.GetGrain<IFieldTripGrain>(trip.Id).GetAsync(),
            t => t.Stops.All(s => s.Status != StopStatus.Requested),
            "both stops' answers reached the trip");
        Assert.Equal([StopStatus.Confirmed, StopStatus.Declined], after.Stops.Select(s => s.Status).ToArray());
        Assert.Equal("Lễ hội", after.Stops[1].DeclineReason);
    }

    [Fact]
    public async Task An_unanswered_stop_request_escalates_to_the_courses_cycle_and_the_answer_resolves_it()
    {
        await using var silo = await GrainWorld.StartAsync();
        var course = await CourseAsync(silo);
        var trip = await course.AddFieldTripAsync(Trip(Stop("hue", 3)));
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey);

        await silo.AdvanceAsync(new DeadlineOptions().HostingAnswer + TimeSpan.FromHours(1));

        // The province's deadline fires on the fake clock; its escalation reaches the cycle one-way a moment later.
        var escalations = await Until.Async(() => cycle.GetEscalationsAsync(false), e => !e.IsEmpty, "the unanswered request was escalated");
        var escalation = Assert.Single(escalations);
        Assert.Equal(EscalationKind.HostingRequestUnanswered, escalation.Kind);
        Assert.Equal(trip.Stops[0].HostingRequestId, escalation.SubjectKey);
        await silo.GrainFactory.GetGrain<IProvinceGrain>("hue").ConfirmHostingAsync(escalation.SubjectKey, GrainWorld.Logistics());
        await Until.DeliveredAsync(silo.GrainFactory.GetGrain<IProvinceGrain>("hue"));
        Assert.Empty(await cycle.GetEscalationsAsync(false));
        Assert.Equal(StopStatus.Confirmed, (await silo.GrainFactory.GetGrain<IFieldTripGrain>(trip.Id).GetAsync()).Stops[0].Status);
    }

    [Fact]
    public async Task Stops_out_of_order_or_in_unknown_provinces_are_refused_and_nothing_is_written()
    {
        await using var silo = await GrainWorld.StartAsync();
        var course = await CourseAsync(silo);

        Assert.Equal("stops[1].start", (await Assert.ThrowsAsync<DomainValidationException>(() => course.AddFieldTripAsync(Trip(Stop("hue", 6), Stop("da-nang", 3))))).Field);
        Assert.Equal("stops[0].provinceCode", (await Assert.ThrowsAsync<DomainValidationException>(() => course.AddFieldTripAsync(Trip(Stop("atlantis", 3))))).Field);
        Assert.Equal("tripNumber", (await Assert.ThrowsAsync<DomainValidationException>(() => course.AddFieldTripAsync(Trip(Stop("hue", 3)) with { TripNumber = 3 }))).Field);

        Assert.Empty((await course.GetAsync()).FieldTripIds);
        Assert.Empty(await silo.GrainFactory.GetGrain<IProvinceGrain>("hue").GetHostingRequestsAsync());
        await Assert.ThrowsAsync<NotFoundException>(() => silo.GrainFactory.GetGrain<IFieldTripGrain>($"nope-{GrainWorld.Suffix()}").GetAsync());
    }
}
