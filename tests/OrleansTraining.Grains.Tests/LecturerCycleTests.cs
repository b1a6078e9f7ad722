using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.Tests;

/// <summary>What the cycle tells lecturers (offers in full, logistics, withdrawals with a reason) and how it answers them.</summary>
public sealed class LecturerCycleTests
{
    private static async Task<(ICycleGrain Cycle, ILecturerGrain A, ILecturerGrain B, string BId)> PublishedAsync(GrainCluster silo)
    {
        var (a, b) = await GrainWorld.BuildSmallWorldAsync(silo.GrainFactory);
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey);
        await cycle.PlanAsync();
        await cycle.PublishAsync();
        return (cycle, silo.GrainFactory.GetGrain<ILecturerGrain>(a), silo.GrainFactory.GetGrain<ILecturerGrain>(b), b);
    }

    private static async Task<SessionView> SessionAsync(ICycleGrain cycle, string sessionId) =>
        (await cycle.GetPlanAsync()).Courses.Single().Sessions.Single(s => s.SessionId == sessionId);

    [Fact]
    public async Task An_offer_names_the_course_host_and_topic_and_gets_the_logistics_when_the_host_confirms()
    {
        await using var silo = await GrainWorld.StartAsync();
        var (cycle, a, _, _) = await PublishedAsync(silo);
        var course = (await cycle.GetPlanAsync()).Courses.Single();
        var offer = Assert.Single(await a.GetAssignmentsAsync()).Offer;

        Assert.Equal("Lớp 1", offer.CourseTitle);
        Assert.Equal(course.Start, offer.CourseStart);
        Assert.Equal(course.End, offer.CourseEnd);
        Assert.Equal(ProvinceDirectory.Get(course.HostProvince!).NameVi, offer.ProvinceName);
        Assert.Equal(Curricula.CurriculumCatalog.Version2027.Single(t => t.Code == offer.TopicCode).TitleVi, offer.TopicTitle);
        Assert.Null(offer.Logistics); // the host has not confirmed yet

        var host = silo.GrainFactory.GetGrain<IProvinceGrain>(course.HostProvince!);
        await host.ConfirmHostingAsync(course.HostingRequestId!, GrainWorld.Logistics());
        await Until.DeliveredAsync(host);

        var confirmed = await Until.Async(
            async () => Assert.Single(await a.GetAssignmentsAsync()).Offer, o => o.Logistics is not null, "the logistics reached the lecturer");
        Assert.Equal(GrainWorld.Logistics(), confirmed.Logistics);
    }

    [Fact]
    public async Task An_offer_made_after_the_host_confirmed_carries_the_logistics_at_once()
    {
        await using var silo = await GrainWorld.StartAsync();
        var (cycle, a, b, bId) = await PublishedAsync(silo);
        var course = (await cycle.GetPlanAsync()).Courses.Single();
        var host = silo.GrainFactory.GetGrain<IProvinceGrain>(course.HostProvince!);
        await host.ConfirmHostingAsync(course.HostingRequestId!, GrainWorld.Logistics());
        await Until.DeliveredAsync(host);
        var offer = Assert.Single(await a.GetAssignmentsAsync());

        await a.DeclineAsync(offer.Offer.AssignmentId, "Trùng lịch");
        await Until.DeliveredAsync(a);

        var session = await SessionAsync(cycle, offer.Offer.SessionId);
        Assert.Equal(bId, session.LecturerId);
        var reoffer = (await b.GetAssignmentsAsync()).Single(x => x.Offer.AssignmentId == session.AssignmentId);
        Assert.Equal("Hội trường Tỉnh ủy", reoffer.Offer.Logistics?.Venue);
    }

    [Fact]
    public async Task Several_answers_at_once_reach_the_cycle_each_as_a_single_answer_would()
    {
        await using var silo = await GrainWorld.StartAsync();
        var (cycle, a, b, _) = await PublishedAsync(silo);
        var offerA = Assert.Single(await a.GetAssignmentsAsync()).Offer;
        var offerB = Assert.Single(await b.GetAssignmentsAsync()).Offer;

        await a.AnswerAllAsync([new OfferAnswer(offerA.AssignmentId, OfferDecision.Accept, null)]);
        await b.AnswerAllAsync([new OfferAnswer(offerB.AssignmentId, OfferDecision.Decline, "Ốm")]);
        await Until.DeliveredAsync(a);
        await Until.DeliveredAsync(b);

        Assert.Equal(StaffingStatus.Accepted, (await SessionAsync(cycle, offerA.SessionId)).Staffing);
        var declined = await SessionAsync(cycle, offerB.SessionId);
        Assert.NotEqual(offerB.AssignmentId, declined.AssignmentId); // offered again (to A, the only other lecturer)
        Assert.Equal(StaffingStatus.Offered, declined.Staffing);
    }

    [Fact]
    public async Task A_withdrawal_from_an_accepted_session_is_repaired_like_a_decline()
    {
        await using var silo = await GrainWorld.StartAsync();
        var (cycle, a, b, bId) = await PublishedAsync(silo);
        var offer = Assert.Single(await a.GetAssignmentsAsync()).Offer;
        await a.AcceptAsync(offer.AssignmentId);
        await Until.DeliveredAsync(a);
        Assert.Equal(StaffingStatus.Accepted, (await SessionAsync(cycle, offer.SessionId)).Staffing);

        await a.WithdrawAsync(offer.AssignmentId, "Phải đi học dài hạn");
        await Until.DeliveredAsync(a);

        var session = await SessionAsync(cycle, offer.SessionId);
        Assert.Equal(bId, session.LecturerId);
        Assert.Equal(StaffingStatus.Offered, session.Staffing);
        Assert.Contains(await b.GetAssignmentsAsync(), x => x.Offer.AssignmentId == session.AssignmentId && x.Status == AssignmentStatus.Offered);
        var mine = Assert.Single(await a.GetAssignmentsAsync());
        Assert.Equal(AssignmentStatus.Withdrawn, mine.Status);
        Assert.Equal("Phải đi học dài hạn", mine.WithdrawalReason);
    }

    [Fact]
    public async Task A_new_unavailable_date_on_an_open_offer_declines_it_and_the_session_is_offered_again()
    {
        await using var silo = await GrainWorld.StartAsync();
        var (cycle, a, b, bId) = await PublishedAsync(silo);
        var offer = Assert.Single(await a.GetAssignmentsAsync()).Offer;

        await a.AddUnavailableDateAsync(offer.Date, "Họp Ban Chấp hành");
        await Until.DeliveredAsync(a);

        var session = await SessionAsync(cycle, offer.SessionId);
        Assert.Equal(bId, session.LecturerId);
        Assert.Contains(await b.GetAssignmentsAsync(), x => x.Offer.AssignmentId == session.AssignmentId);
        Assert.Equal(AssignmentStatus.Declined, Assert.Single(await a.GetAssignmentsAsync()).Status);
    }

    [Fact]
    public async Task When_the_host_changes_an_accepted_session_that_still_fits_stays_accepted_and_names_the_new_host_with_the_reason()
    {
        await using var silo = await GrainWorld.StartAsync();
        var (cycle, a, _, _) = await PublishedAsync(silo);
        var offer = Assert.Single(await a.GetAssignmentsAsync()).Offer;
        await a.AcceptAsync(offer.AssignmentId);
        await Until.DeliveredAsync(a);
        var course = (await cycle.GetPlanAsync()).Courses.Single();
        var host = silo.GrainFactory.GetGrain<IProvinceGrain>(course.HostProvince!);
        await Until.Async(() => cycle.GetPlanAsync(), p => p.Courses.Single().Sessions.Any(x => x.Staffing == StaffingStatus.Accepted), "the cycle knows the acceptance");

        await host.DeclineHostingAsync(course.HostingRequestId!, new HostingDecline("Trùng Đại hội Đảng bộ tỉnh"));
        await Until.DeliveredAsync(host);

        var moved = await Until.Async(() => cycle.GetPlanAsync(), p => p.Courses.Single().HostProvince != course.HostProvince, "the course moved");
        var newHost = moved.Courses.Single().HostProvince!;
        var kept = await Until.Async(
            async () => (await a.GetAssignmentsAsync()).Single(x => x.Offer.AssignmentId == offer.AssignmentId),
            x => x.Offer.ProvinceCode == newHost,
            "the lecturer learned where the session moved");
        Assert.Equal(AssignmentStatus.Accepted, kept.Status);
        Assert.Null(kept.Offer.Logistics);
        Assert.Contains("declined to host", kept.ChangeNote, StringComparison.Ordinal);
        Assert.Contains(ProvinceDirectory.Get(course.HostProvince!).NameVi, kept.ChangeNote, StringComparison.Ordinal);
        // Nobody else was asked: the course still has the acceptance under the same assignment.
        var session = moved.Courses.Single().Sessions.Single(x => x.AssignmentId == offer.AssignmentId);
        Assert.Equal(StaffingStatus.Accepted, session.Staffing);
        Assert.Single(await a.GetAssignmentsAsync());
    }
}
