using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.Tests;

public sealed class CycleFlowTests
{
    [Fact]
    public async Task Plan_then_publish_sends_the_hosting_request_and_the_offers()
    {
        await using var silo = await GrainWorld.StartAsync();
        var (a, b) = await GrainWorld.BuildSmallWorldAsync(silo.GrainFactory);
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey);

        var result = await cycle.PlanAsync();
        Assert.Equal(1, result.CoursesPlanned);
        Assert.Equal(2, result.SessionsStaffed);
        Assert.Empty(result.Issues);

        var published = await cycle.PublishAsync();
        Assert.Equal(CycleStatus.Published, published.Status);
        var course = (await cycle.GetPlanAsync()).Courses.Single();
        Assert.Equal(CourseStatus.Published, course.Status);
        Assert.Contains(course.HostProvince, GrainWorld.ProvincesWithVenue); // the others have no venue
        Assert.InRange(course.Start!.Value, new DateOnly(2027, 3, 1), new DateOnly(2028, 11, 30));
        Assert.All(course.Sessions, s => Assert.Equal(StaffingStatus.Offered, s.Staffing));
        Assert.Equal([a, b], course.Sessions.Select(s => s.LecturerId!).Order().ToArray()); // fair load: one session each

        var requests = await silo.GrainFactory.GetGrain<IProvinceGrain>(course.HostProvince!).GetHostingRequestsAsync();
        Assert.Equal(course.HostingRequestId, Assert.Single(requests).Request.RequestId);
        Assert.Single(await silo.GrainFactory.GetGrain<ILecturerGrain>(a).GetAssignmentsAsync());
    }

    [Fact]
    public async Task A_declined_offer_goes_to_the_next_suitable_lecturer_automatically()
    {
        await using var silo = await GrainWorld.StartAsync();
        var (a, b) = await GrainWorld.BuildSmallWorldAsync(silo.GrainFactory);
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey);
        await cycle.PlanAsync();
        await cycle.PublishAsync();
        var lecturerA = silo.GrainFactory.GetGrain<ILecturerGrain>(a);
        var offer = Assert.Single(await lecturerA.GetAssignmentsAsync());

        await lecturerA.DeclineAsync(offer.Offer.AssignmentId, "Trùng lịch họp Ban");
        await Until.DeliveredAsync(lecturerA);

        var session = (await cycle.GetPlanAsync()).Courses.Single().Sessions.Single(s => s.SessionId == offer.Offer.SessionId);
        Assert.Equal(b, session.LecturerId);
        Assert.Equal(StaffingStatus.Offered, session.Staffing);
        var offersToB = await silo.GrainFactory.GetGrain<ILecturerGrain>(b).GetAssignmentsAsync();
        Assert.Contains(offersToB, x => x.Offer.AssignmentId == session.AssignmentId && x.Status == AssignmentStatus.Offered);

        // B declines too: nobody is left, and the cycle says which session and why.
        await silo.GrainFactory.GetGrain<ILecturerGrain>(b).DeclineAsync(session.AssignmentId!, "Ốm");
        await Until.DeliveredAsync(silo.GrainFactory.GetGrain<ILecturerGrain>(b));
        var unstaffed = (await cycle.GetPlanAsync()).Courses.Single().Sessions.Single(s => s.SessionId == offer.Offer.SessionId);
        Assert.Equal(StaffingStatus.Unstaffed, unstaffed.Staffing);
        Assert.Contains("2 declined", unstaffed.UnstaffedReason);
        var escalation = Assert.Single(await cycle.GetEscalationsAsync(false));
        Assert.Equal(EscalationKind.SessionUnstaffed, escalation.Kind);
    }

    [Fact]
    public async Task Accepting_marks_the_session_accepted()
    {
        await using var silo = await GrainWorld.StartAsync();
        var (a, _) = await GrainWorld.BuildSmallWorldAsync(silo.GrainFactory);
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey);
        await cycle.PlanAsync();
        await cycle.PublishAsync();
        var lecturer = silo.GrainFactory.GetGrain<ILecturerGrain>(a);
        var offer = Assert.Single(await lecturer.GetAssignmentsAsync());

        await lecturer.AcceptAsync(offer.Offer.AssignmentId);
        await Until.DeliveredAsync(lecturer);

        var session = (await cycle.GetPlanAsync()).Courses.Single().Sessions.Single(s => s.SessionId == offer.Offer.SessionId);
        Assert.Equal(StaffingStatus.Accepted, session.Staffing);
    }

    [Fact]
    public async Task A_province_declining_moves_the_course_to_the_nearest_other_province_and_answering_twice_is_a_conflict()
    {
        await using var silo = await GrainWorld.StartAsync();
        var (a, _) = await GrainWorld.BuildSmallWorldAsync(silo.GrainFactory);
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey);
        await cycle.PlanAsync();
        await cycle.PublishAsync();
        var first = (await cycle.GetPlanAsync()).Courses.Single().HostProvince!;
        var nearest = GrainWorld.ProvincesWithVenue.Where(p => p != first).MinBy(p => ProvinceDirectory.DistanceKm(first, p))!;
        var anGiang = silo.GrainFactory.GetGrain<IProvinceGrain>(first);
        var request = Assert.Single(await anGiang.GetHostingRequestsAsync());

        await anGiang.DeclineHostingAsync(request.Request.RequestId, new HostingDecline("Trùng Đại hội Đảng bộ tỉnh"));
        await Until.DeliveredAsync(anGiang);

        var course = (await cycle.GetPlanAsync()).Courses.Single();
        Assert.Equal(nearest, course.HostProvince);
        Assert.Equal([first], course.DeclinedByProvinces.ToArray());
        var canTho = silo.GrainFactory.GetGrain<IProvinceGrain>(nearest);
        var moved = Assert.Single(await canTho.GetHostingRequestsAsync());
        Assert.Equal(course.HostingRequestId, moved.Request.RequestId);

        // Offers named the old province: they were withdrawn and made again for the new one.
        var assignments = await silo.GrainFactory.GetGrain<ILecturerGrain>(a).GetAssignmentsAsync();
        Assert.Contains(assignments, x => x.Status == AssignmentStatus.Withdrawn && x.Offer.ProvinceCode == first);
        Assert.Contains(assignments, x => x.Status == AssignmentStatus.Offered && x.Offer.ProvinceCode == nearest);

        var error = await Assert.ThrowsAsync<ConflictException>(() => anGiang.ConfirmHostingAsync(request.Request.RequestId, GrainWorld.Logistics()));
        Assert.Equal(ConflictRules.AlreadyAnswered, error.Rule);
        Assert.Equal(HostingRequestStatus.Declined, (await anGiang.GetHostingRequestAsync(request.Request.RequestId)).Status);

        await canTho.ConfirmHostingAsync(moved.Request.RequestId, GrainWorld.Logistics());
        await Until.DeliveredAsync(canTho);
        var confirmed = (await cycle.GetPlanAsync()).Courses.Single();
        Assert.Equal(CourseStatus.HostConfirmed, confirmed.Status);
        Assert.Equal("Hội trường Tỉnh ủy", confirmed.HostLogistics!.Venue);
        Assert.Contains((await canTho.GetAsync()).HostingHistory, h => h.CourseId == confirmed.Id && h.CycleId == GrainWorld.CycleKey);
        await Assert.ThrowsAsync<ConflictException>(() => canTho.ConfirmHostingAsync(moved.Request.RequestId, GrainWorld.Logistics()));
    }

    [Fact]
    public async Task When_no_other_province_can_host_the_course_is_left_without_host_and_escalated()
    {
        await using var silo = await GrainWorld.StartAsync();
        await GrainWorld.BuildSmallWorldAsync(silo.GrainFactory);
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey);
        await cycle.PlanAsync();
        await cycle.PublishAsync();

        var declinedInOrder = new List<string>();
        while ((await cycle.GetPlanAsync()).Courses.Single().HostProvince is { } code)
        {
            var province = silo.GrainFactory.GetGrain<IProvinceGrain>(code);
            var pending = (await province.GetHostingRequestsAsync()).Single(r => r.Status == HostingRequestStatus.Pending);
            await province.DeclineHostingAsync(pending.Request.RequestId, new HostingDecline("Không bố trí được hội trường"));
            await Until.DeliveredAsync(province);
            declinedInOrder.Add(code);
        }

        var course = (await cycle.GetPlanAsync()).Courses.Single();
        Assert.Null(course.HostProvince);
        Assert.Equal(GrainWorld.ProvincesWithVenue.Order().ToArray(), declinedInOrder.Order().ToArray());
        Assert.Equal(declinedInOrder, course.DeclinedByProvinces.ToArray());
        var escalation = Assert.Single(await cycle.GetEscalationsAsync(false), e => e.Kind == EscalationKind.CourseUnhosted);
        Assert.Contains("No other province", escalation.Detail);
        Assert.Contains((await cycle.GetAsync()).PlanIssues, i => i.CourseId == course.Id && i.SessionId is null);
    }

    [Fact]
    public async Task Invalid_cycles_are_refused_naming_the_field_and_nothing_is_written()
    {
        await using var silo = await GrainWorld.StartAsync();
        await GrainWorld.DefineCurriculumAsync(silo.GrainFactory);
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey);

        Assert.Equal("end", (await Assert.ThrowsAsync<DomainValidationException>(() =>
            cycle.CreateAsync(new NewCycle(new(2028, 1, 1), new(2027, 1, 1), "2027", [])))).Field);
        Assert.Equal("curriculumVersion", (await Assert.ThrowsAsync<UnprocessableException>(() =>
            cycle.CreateAsync(new NewCycle(new(2027, 1, 1), new(2028, 1, 1), "1999", [])))).Field);
        var badTopic = GrainWorld.SmallCourse() with { Topics = [new("no-such-topic", TeachingMethod.Lecture)] };
        Assert.Equal("courses[0].topics[0].topicCode", (await Assert.ThrowsAsync<DomainValidationException>(() =>
            cycle.CreateAsync(new NewCycle(new(2027, 1, 1), new(2028, 1, 1), "2027", [badTopic])))).Field);
        Assert.Equal("cycleId", (await Assert.ThrowsAsync<DomainValidationException>(() =>
            silo.GrainFactory.GetGrain<ICycleGrain>("2027-2029").CreateAsync(new NewCycle(new(2027, 1, 1), new(2028, 1, 1), "2027", [])))).Field);

        await Assert.ThrowsAsync<NotFoundException>(() => cycle.GetAsync());
        await Assert.ThrowsAsync<NotFoundException>(() => cycle.PlanAsync());
    }

    [Fact]
    public async Task A_course_added_after_planning_is_placed_by_planning_again_with_the_same_result_for_the_others()
    {
        await using var silo = await GrainWorld.StartAsync();
        await GrainWorld.BuildSmallWorldAsync(silo.GrainFactory);
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey);
        await cycle.PlanAsync();
        var before = (await cycle.GetPlanAsync()).Courses.Single();

        var added = await cycle.AddCourseAsync(GrainWorld.SmallCourse("Lớp bổ sung"));
        Assert.Equal(CourseStatus.Proposed, added.Status);
        var result = await cycle.PlanAsync();

        Assert.Equal(2, result.CoursesPlanned);
        var plan = (await cycle.GetPlanAsync()).Courses;
        Assert.Equal(before.HostProvince, plan[0].HostProvince);
        Assert.Equal(before.Start, plan[0].Start);
        Assert.Equal(CourseStatus.Planned, plan[1].Status);
        Assert.True(plan[0].HostProvince != plan[1].HostProvince || plan[0].End < plan[1].Start || plan[1].End < plan[0].Start); // a venue takes one course a day
    }

    [Fact]
    public async Task Status_moves_only_forward_and_publishing_before_planning_is_a_conflict()
    {
        await using var silo = await GrainWorld.StartAsync();
        await GrainWorld.BuildSmallWorldAsync(silo.GrainFactory);
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey);

        Assert.Equal(ConflictRules.InvalidTransition, (await Assert.ThrowsAsync<ConflictException>(() => cycle.PublishAsync())).Rule);
        await cycle.PlanAsync();
        await cycle.PublishAsync();
        var published = await cycle.GetPlanAsync();
        // After publish, planning places only courses added since: with none, nothing moves.
        Assert.Equal(0, (await cycle.PlanAsync()).CoursesPlanned);
        Assert.Equal(CycleStatus.Published, (await cycle.GetAsync()).Status);
        Assert.Equal(
            published.Courses.Select(c => (c.Id, c.HostProvince, c.Start, c.Status)),
            (await cycle.GetPlanAsync()).Courses.Select(c => (c.Id, c.HostProvince, c.Start, c.Status)));
        await Assert.ThrowsAsync<ConflictException>(() => cycle.RollOverAsync(null));
        Assert.Equal(CycleStatus.Running, (await cycle.StartAsync()).Status);
        // Its course was never held and closed: the cycle cannot close yet.
        Assert.Equal(ConflictRules.CycleHasOpenCourses, (await Assert.ThrowsAsync<ConflictException>(() => cycle.CloseAsync())).Rule);
    }
}
