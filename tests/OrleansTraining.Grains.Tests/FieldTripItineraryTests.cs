using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.FieldTrips;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.Tests;

/// <summary>Travel days between stops, dates inside the course and cycle, the best order, replacing a declined stop, changing and cancelling.</summary>
public sealed class FieldTripItineraryTests
{
    private static readonly DateOnly May = new(2027, 5, 1);

    private static FieldTripStopDraft Stop(string province, int day, int days = 1, string topic = "Công tác cán bộ") =>
        new(province, null, May.AddDays(day - 1), May.AddDays(day + days - 2), [topic], 1);

    private static NewFieldTrip Trip(params FieldTripStopDraft[] stops) =>
        new("Lớp bồi dưỡng cán bộ tổ chức", 1, 1, [.. stops], 40, 20, [], Historical: false);

    [Theory]
    [InlineData(3, false)] // Cần Thơ ends on the 3rd, Hà Nội the same day
    [InlineData(4, false)] // no whole day to fly
    [InlineData(5, true)]
    public void A_stop_far_from_the_one_before_needs_a_travel_day(int haNoiDay, bool allowed)
    {
        var trip = Trip(Stop("can-tho", 2, 2), Stop("ha-noi", haNoiDay));

        if (allowed)
        {
            Assert.Equal(2, FieldTripRules.Validate(trip).Stops.Length);
        }
        else
        {
            Assert.Equal("stops[1].start", Assert.Throws<UnprocessableException>(() => FieldTripRules.Validate(trip)).Field);
        }
    }

    [Fact]
    public void Neighbours_are_an_evenings_drive_apart_and_a_past_trip_is_not_checked()
    {
        Assert.Equal(0, FieldTripTravel.TravelDays("can-tho", "vinh-long"));
        Assert.Equal(1, FieldTripTravel.TravelDays("can-tho", "ha-noi"));
        FieldTripRules.Validate(Trip(Stop("can-tho", 2), Stop("vinh-long", 2)));
        FieldTripRules.Validate(Trip(Stop("can-tho", 2), Stop("ha-noi", 2)) with { Historical = true });
    }

    [Fact]
    public void The_suggested_order_groups_the_north_and_the_south()
    {
        string[] zigzag = ["ha-noi", "can-tho", "hai-phong", "ca-mau", "bac-ninh"];

        var (order, exact) = FieldTripTravel.BestOrder(zigzag);

        Assert.True(exact);
        Assert.Equal(4, FieldTripTravel.Cost(zigzag).Days);
        Assert.Equal(1, FieldTripTravel.Cost([.. order.Select(i => zigzag[i])]).Days);
    }

    [Fact]
    public async Task Stops_outside_the_cycle_are_refused_and_nothing_is_requested()
    {
        await using var silo = await GrainWorld.StartAsync();
        var course = await CourseAsync(silo);

        var outside = Trip(Stop("hue", 2)) with { Stops = [new("hue", null, new DateOnly(2029, 1, 5), new DateOnly(2029, 1, 6), ["x"], 1)] };
        Assert.Equal("stops[0].start", (await Assert.ThrowsAsync<UnprocessableException>(() => course.AddFieldTripAsync(outside))).Field);
        Assert.Equal("stops[1].start", (await Assert.ThrowsAsync<UnprocessableException>(() =>
            course.AddFieldTripAsync(Trip(Stop("can-tho", 2), Stop("ha-noi", 2))))).Field);

        Assert.Empty(await silo.GrainFactory.GetGrain<IProvinceGrain>("hue").GetHostingRequestsAsync());
        Assert.Empty(await silo.GrainFactory.GetGrain<IProvinceGrain>("ha-noi").GetHostingRequestsAsync());
    }

    [Fact]
    public async Task Stops_of_a_planned_course_lie_inside_its_dates()
    {
        await using var silo = await GrainWorld.StartAsync();
        var course = await CourseAsync(silo);
        await silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey).PlanAsync();
        var view = await course.GetAsync();
        var (start, end) = (view.Start!.Value, view.End!.Value);

        var trip = await course.AddFieldTripAsync(Trip(new FieldTripStopDraft("hue", null, start, start, ["x"], 1)));
        var late = Trip(new FieldTripStopDraft("hue", null, end.AddDays(1), end.AddDays(1), ["x"], 1));
        var change = await Assert.ThrowsAsync<UnprocessableException>(() => silo.GrainFactory.GetGrain<IFieldTripGrain>(trip.Id).ChangeAsync(late));

        Assert.Equal("stops[0].start", change.Field);
        Assert.Equal(start, (await silo.GrainFactory.GetGrain<IFieldTripGrain>(trip.Id).GetAsync()).Stops[0].Start);
    }

    [Fact]
    public async Task A_declined_stop_gets_the_nearest_able_provinces_and_the_board_moves_it_to_one()
    {
        await using var silo = await GrainWorld.StartAsync();
        var course = await CourseAsync(silo);
        var grains = silo.GrainFactory;
        // Quảng Trị briefs on other topics only; Quảng Ngãi declared this one; the rest declared nothing (a general briefing).
        await grains.GetGrain<IProvinceGrain>("quang-tri").ConfigureAsync(new ProvinceSettings(100, [], 1, ["Kinh tế biển"]));
        await grains.GetGrain<IProvinceGrain>("quang-ngai").ConfigureAsync(new ProvinceSettings(100, [], 1, ["Công tác cán bộ"]));
        var trip = await course.AddFieldTripAsync(Trip(Stop("hue", 3), Stop("da-nang", 4)));
        var fieldTrip = grains.GetGrain<IFieldTripGrain>(trip.Id);
        var hue = grains.GetGrain<IProvinceGrain>("hue");
        await Assert.ThrowsAsync<ConflictException>(() => fieldTrip.GetReplacementsAsync(1)); // not declined (yet)
        await hue.DeclineHostingAsync(trip.Stops[0].HostingRequestId!, new HostingDecline("Trùng lịch"));
        await Until.Async(() => fieldTrip.GetAsync(), t => t.Stops[0].Status == StopStatus.Declined, "the decline reached the trip");

        var replacements = await fieldTrip.GetReplacementsAsync(1);

        Assert.Equal("quang-ngai", replacements[0].ProvinceCode);
        Assert.True(replacements[0].BriefsOnTopics);
        Assert.DoesNotContain(replacements, r => r.ProvinceCode is "hue" or "da-nang" or "quang-tri");
        Assert.Equal(replacements.Skip(1).OrderBy(r => r.RoadKm).Select(r => r.ProvinceCode), replacements.Skip(1).Select(r => r.ProvinceCode));
        Assert.Equal("provinceCode", (await Assert.ThrowsAsync<UnprocessableException>(() => fieldTrip.ReplaceStopAsync(1, "da-nang"))).Field);
        Assert.Equal("provinceCode", (await Assert.ThrowsAsync<UnprocessableException>(() => fieldTrip.ReplaceStopAsync(1, "hue"))).Field);
        Assert.Equal("provinceCode", (await Assert.ThrowsAsync<UnprocessableException>(() => fieldTrip.ReplaceStopAsync(1, "ca-mau"))).Field); // no travel day to Đà Nẵng

        var moved = await fieldTrip.ReplaceStopAsync(1, "quang-ngai");

        Assert.Equal(("quang-ngai", StopStatus.Requested), (moved.Stops[0].ProvinceCode, moved.Stops[0].Status));
        Assert.Equal(["hue"], moved.Stops[0].DeclinedBy.ToArray());
        var request = Assert.Single(await grains.GetGrain<IProvinceGrain>("quang-ngai").GetHostingRequestsAsync());
        Assert.Equal(moved.Stops[0].HostingRequestId, request.Request.RequestId);
        await grains.GetGrain<IProvinceGrain>("quang-ngai").ConfirmHostingAsync(request.Request.RequestId, GrainWorld.Logistics());
        await Until.Async(() => fieldTrip.GetAsync(), t => t.Stops[0].Status == StopStatus.Confirmed, "the new province's confirmation reached the trip");
        await Assert.ThrowsAsync<ConflictException>(() => fieldTrip.ReplaceStopAsync(1, "quang-tri"));
    }

    [Fact]
    public async Task Changing_a_trip_keeps_unchanged_stops_and_cancelling_withdraws_every_request()
    {
        await using var silo = await GrainWorld.StartAsync();
        var course = await CourseAsync(silo);
        var grains = silo.GrainFactory;
        var trip = await course.AddFieldTripAsync(Trip(Stop("hue", 3), Stop("da-nang", 4)));
        var fieldTrip = grains.GetGrain<IFieldTripGrain>(trip.Id);
        var hue = grains.GetGrain<IProvinceGrain>("hue");
        var daNang = grains.GetGrain<IProvinceGrain>("da-nang");
        await hue.ConfirmHostingAsync(trip.Stops[0].HostingRequestId!, GrainWorld.Logistics());
        await daNang.ConfirmHostingAsync(trip.Stops[1].HostingRequestId!, GrainWorld.Logistics());
        await Until.Async(() => fieldTrip.GetAsync(), t => t.Stops.All(s => s.Status == StopStatus.Confirmed), "both confirmations reached the trip");

        // Huế stays as it was; Đà Nẵng moves a day later; Quảng Ngãi is added.
        var changed = await fieldTrip.ChangeAsync(Trip(Stop("hue", 3), Stop("da-nang", 5), Stop("quang-ngai", 6)));

        Assert.Equal([StopStatus.Confirmed, StopStatus.Requested, StopStatus.Requested], changed.Stops.Select(s => s.Status));
        Assert.Equal(trip.Stops[0].HostingRequestId, changed.Stops[0].HostingRequestId);
        var daNangRequests = await daNang.GetHostingRequestsAsync();
        Assert.Equal(HostingRequestStatus.Withdrawn, daNangRequests.Single(r => r.Request.RequestId == trip.Stops[1].HostingRequestId).Status);
        Assert.Equal(HostingRequestStatus.Pending, daNangRequests.Single(r => r.Request.RequestId == changed.Stops[1].HostingRequestId).Status);
        Assert.Single(await grains.GetGrain<IProvinceGrain>("quang-ngai").GetHostingRequestsAsync());
        Assert.Equal("stops[1].start", (await Assert.ThrowsAsync<UnprocessableException>(() =>
            fieldTrip.ChangeAsync(Trip(Stop("hue", 3), Stop("ca-mau", 3))))).Field);

        var cancelled = await fieldTrip.CancelAsync("Lớp hoãn");

        Assert.True(cancelled.Cancelled);
        Assert.All(await hue.GetHostingRequestsAsync(), r => Assert.Equal(HostingRequestStatus.Withdrawn, r.Status));
        Assert.All(await daNang.GetHostingRequestsAsync(), r => Assert.Equal(HostingRequestStatus.Withdrawn, r.Status));
        await Assert.ThrowsAsync<ConflictException>(() => fieldTrip.ChangeAsync(Trip(Stop("hue", 3))));
    }

    [Fact]
    public async Task Cancelling_a_trip_resolves_the_escalation_of_its_unanswered_stop()
    {
        await using var silo = await GrainWorld.StartAsync();
        var course = await CourseAsync(silo);
        var trip = await course.AddFieldTripAsync(Trip(Stop("hue", 3)));
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey);
        await silo.AdvanceAsync(new DeadlineOptions().HostingAnswer + TimeSpan.FromHours(1));
        await Until.Async(() => cycle.GetEscalationsAsync(false), e => e.Length == 1, "the unanswered stop escalated");

        await silo.GrainFactory.GetGrain<IFieldTripGrain>(trip.Id).CancelAsync(null);

        await Until.Async(() => cycle.GetEscalationsAsync(false), e => e.IsEmpty, "the withdrawal resolved the escalation");
        Assert.Equal(HostingRequestStatus.Withdrawn, Assert.Single(await silo.GrainFactory.GetGrain<IProvinceGrain>("hue").GetHostingRequestsAsync()).Status);
    }

    private static async Task<ICourseGrain> CourseAsync(GrainCluster silo)
    {
        await GrainWorld.BuildSmallWorldAsync(silo.GrainFactory);
        return silo.GrainFactory.GetGrain<ICourseGrain>((await silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey).GetAsync()).CourseIds.Single());
    }
}
