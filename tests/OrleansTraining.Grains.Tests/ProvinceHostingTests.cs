using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Notifications;
using OrleansTraining.Grains.Planning;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.Tests;

/// <summary>A host province declares what it can offer, and amends its confirmed logistics with the board seeing the change.</summary>
public sealed class ProvinceHostingTests
{
    [Fact]
    public async Task Settings_are_kept_and_impossible_values_are_refused_naming_the_field_with_nothing_written()
    {
        await using var silo = await GrainWorld.StartAsync();
        var province = silo.GrainFactory.GetGrain<IProvinceGrain>("hue");
        var settings = new ProvinceSettings(80, [new(2027, 9, 2), new(2027, 4, 30), new(2027, 9, 2)], 3, ["Cadre planning", " cadre planning"]);

        var view = await province.ConfigureAsync(settings);

        Assert.Equal((80, 3), (view.VenueCapacity, view.Rooms));
        Assert.Equal([new(2027, 4, 30), new(2027, 9, 2)], view.UnavailableDates.ToArray());
        Assert.Equal(["Cadre planning"], view.BriefingTopics.ToArray());
        Assert.Equal("seats", (await Assert.ThrowsAsync<UnprocessableException>(() => province.ConfigureAsync(settings with { VenueCapacity = -5 }))).Field);
        Assert.Equal("rooms", (await Assert.ThrowsAsync<UnprocessableException>(() => province.ConfigureAsync(settings with { Rooms = 0 }))).Field);
        Assert.Equal("rooms", (await Assert.ThrowsAsync<UnprocessableException>(() => province.ConfigureAsync(settings with { Rooms = 500 }))).Field);
        Assert.Equal("unavailableDates[1]", (await Assert.ThrowsAsync<UnprocessableException>(() =>
            province.ConfigureAsync(settings with { UnavailableDates = [new(2027, 1, 1), new(1900, 1, 1)] }))).Field);
        var after = await province.GetAsync();
        Assert.Equal((80, 3), (after.VenueCapacity, after.Rooms));
        Assert.Equal(view.UnavailableDates.ToArray(), after.UnavailableDates.ToArray());
    }

    [Fact]
    public void A_replacement_host_needs_a_free_room_on_every_day_of_the_course()
    {
        var start = new DateOnly(2027, 5, 10);
        var busy = new Dictionary<string, System.Collections.Immutable.ImmutableArray<(DateOnly Start, DateOnly End)>>
        {
            ["hue"] = [(start, start.AddDays(2))],
        };
        PlanningProvince Hue(int rooms) => new("hue", 100, [], false, 0, rooms);

        var oneRoom = DeclineReplacements.ChooseReplacementHost(50, start.AddDays(1), start.AddDays(3), "quang-tri", new HashSet<string>(), [Hue(1)], busy);
        var twoRooms = DeclineReplacements.ChooseReplacementHost(50, start.AddDays(1), start.AddDays(3), "quang-tri", new HashSet<string>(), [Hue(2)], busy);

        Assert.Null(oneRoom.Host);
        Assert.Equal("hue", twoRooms.Host);
    }

    [Fact]
    public async Task Amended_logistics_keep_the_previous_values_and_reach_the_course_through_the_cycle()
    {
        await using var silo = await GrainWorld.StartAsync();
        var (course, host, requestId) = await ConfirmedCourseAsync(silo);
        var province = silo.GrainFactory.GetGrain<IProvinceGrain>(host);
        var amended = GrainWorld.Logistics() with { Venue = "Trường Chính trị tỉnh", Rooms = 35 };

        var view = await province.AmendLogisticsAsync(requestId, amended, "Hội trường đang sửa chữa");

        Assert.Equal(amended, view.Confirmation);
        var change = Assert.Single(view.LogisticsChanges);
        Assert.Equal((GrainWorld.Logistics(), amended, "Hội trường đang sửa chữa"), (change.Previous, change.Current, change.Reason));
        var after = await Until.Async(
            () => silo.GrainFactory.GetGrain<ICourseGrain>(course).GetAsync(),
            c => c.HostLogistics == amended,
            "the amended logistics reached the course");
        Assert.Equal(CourseStatus.HostConfirmed, after.Status);
        await Until.DeliveredAsync(province);

        // The same values again change nothing and tell nobody.
        Assert.Single((await province.AmendLogisticsAsync(requestId, amended, null)).LogisticsChanges);
        Assert.Empty(await province.GetPendingFollowUpsAsync());
    }

    [Fact]
    public async Task Logistics_are_amended_only_once_confirmed_and_before_the_course_starts()
    {
        await using var silo = await GrainWorld.StartAsync();
        var (course, host, requestId) = await ConfirmedCourseAsync(silo);
        var province = silo.GrainFactory.GetGrain<IProvinceGrain>(host);
        var start = (await silo.GrainFactory.GetGrain<ICourseGrain>(course).GetAsync()).Start!.Value;

        await Assert.ThrowsAsync<NotFoundException>(() => province.AmendLogisticsAsync("no-such-request", GrainWorld.Logistics(), null));
        Assert.Equal("venue", (await Assert.ThrowsAsync<DomainValidationException>(() =>
            province.AmendLogisticsAsync(requestId, GrainWorld.Logistics() with { Venue = " " }, null))).Field);
        silo.Time.SetUtcNow(new DateTimeOffset(start.ToDateTime(new TimeOnly(8, 0)), TimeSpan.FromHours(7)));
        await Assert.ThrowsAsync<ConflictException>(() => province.AmendLogisticsAsync(requestId, GrainWorld.Logistics() with { Rooms = 10 }, null));

        var request = await province.GetHostingRequestAsync(requestId);
        Assert.Equal(GrainWorld.Logistics(), request.Confirmation);
        Assert.Empty(request.LogisticsChanges);
    }

    [Fact]
    public async Task A_pending_request_has_no_logistics_to_amend()
    {
        await using var silo = await GrainWorld.StartAsync();
        var (_, _, cycle) = await GrainWorld.PublishedSmallWorldAsync(silo.GrainFactory);
        var planned = (await cycle.GetPlanAsync()).Courses.Single();
        var province = silo.GrainFactory.GetGrain<IProvinceGrain>(planned.HostProvince!);

        var refused = await Assert.ThrowsAsync<ConflictException>(() => province.AmendLogisticsAsync(planned.HostingRequestId!, GrainWorld.Logistics(), null));

        Assert.Equal(ConflictRules.InvalidTransition, refused.Rule);
        Assert.Equal(HostingRequestStatus.Pending, (await province.GetHostingRequestAsync(planned.HostingRequestId!)).Status);
    }

    [Fact]
    public async Task Amended_logistics_reach_the_lecturers_holding_the_courses_sessions_with_a_notification()
    {
        await using var silo = await GrainWorld.StartAsync();
        var (course, host, requestId) = await ConfirmedCourseAsync(silo);
        var province = silo.GrainFactory.GetGrain<IProvinceGrain>(host);
        var session = (await silo.GrainFactory.GetGrain<ICourseGrain>(course).GetAsync()).Sessions.First(s => s.LecturerId is not null && s.AssignmentId is not null);
        var lecturer = silo.GrainFactory.GetGrain<ILecturerGrain>(session.LecturerId!);
        await Until.Async(() => lecturer.GetAssignmentsAsync(), a => a.Any(x => x.Offer.AssignmentId == session.AssignmentId && x.Offer.Logistics == GrainWorld.Logistics()), "the confirmed logistics reached the lecturer");
        var amended = GrainWorld.Logistics() with { Venue = "Trường Chính trị tỉnh", Contact = "Anh Minh, 0987 654 321" };

        await province.AmendLogisticsAsync(requestId, amended, "Hội trường đang sửa chữa");

        await Until.Async(() => lecturer.GetAssignmentsAsync(), a => a.Single(x => x.Offer.AssignmentId == session.AssignmentId).Offer.Logistics == amended, "the amended logistics reached the lecturer");
        var inbox = silo.GrainFactory.GetGrain<INotificationInboxGrain>(NotificationRecipients.Lecturer(session.LecturerId!));
        var notice = (await Until.Async(() => inbox.ListAsync(0, 50), p => p.Items.Any(n => n.Kind == NotificationKind.LogisticsChanged), "the lecturer was notified"))
            .Items.Single(n => n.Kind == NotificationKind.LogisticsChanged);
        Assert.Contains("Trường Chính trị tỉnh", notice.TextVi);
        Assert.Contains("Anh Minh, 0987 654 321", notice.TextEn);
    }

    [Fact]
    public async Task An_amendment_arriving_after_a_newer_one_is_dropped_and_the_newer_logistics_stay()
    {
        await using var silo = await GrainWorld.StartAsync();
        var (course, host, requestId) = await ConfirmedCourseAsync(silo);
        var province = silo.GrainFactory.GetGrain<IProvinceGrain>(host);
        var first = await province.AmendLogisticsAsync(requestId, GrainWorld.Logistics() with { Venue = "Hội trường A" }, null);
        var second = await province.AmendLogisticsAsync(requestId, GrainWorld.Logistics() with { Venue = "Hội trường B" }, null);
        var courseGrain = silo.GrainFactory.GetGrain<ICourseGrain>(course);
        await Until.Async(() => courseGrain.GetAsync(), c => c.HostLogistics == second.Confirmation, "the newest logistics reached the course");
        await Until.DeliveredAsync(province);

        // The first amendment, overtaken on its way (a new id: as if it had never been handled).
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey);
        var late = new FollowUp($"{host}:{requestId}:logistics:late", FollowUpKind.LogisticsAmended, GrainWorld.CycleKey, DateTimeOffset.UtcNow, Hosting: first);
        await cycle.AsReference<IFollowUpTarget>().ReceiveFollowUpAsync(late, province);
        await cycle.GetAsync(); // queued behind the follow-up: it has been handled

        Assert.Equal(second.Confirmation, (await courseGrain.GetAsync()).HostLogistics);
    }

    /// <summary>The small world's course, planned, published and confirmed by its host, the confirmation recorded on the course.</summary>
    private static async Task<(string Course, string Host, string RequestId)> ConfirmedCourseAsync(GrainCluster silo)
    {
        var (_, _, cycle) = await GrainWorld.PublishedSmallWorldAsync(silo.GrainFactory);
        var planned = (await cycle.GetPlanAsync()).Courses.Single();
        var province = silo.GrainFactory.GetGrain<IProvinceGrain>(planned.HostProvince!);
        await province.ConfirmHostingAsync(planned.HostingRequestId!, GrainWorld.Logistics());
        await Until.Async(
            () => silo.GrainFactory.GetGrain<ICourseGrain>(planned.Id).GetAsync(),
            c => c.Status == CourseStatus.HostConfirmed,
            "the confirmation reached the course");
        return (planned.Id, planned.HostProvince!, planned.HostingRequestId!);
    }
}
