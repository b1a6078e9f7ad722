using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Lecturers;

namespace OrleansTraining.Grains.Tests;

/// <summary>The lecturer grain's own rules: several answers at once, withdrawal before the cut-off, unavailable dates one by one.</summary>
public sealed class LecturerAnswersTests
{
    private static readonly DateOnly Day = new(2027, 3, 3);

    private static TeachingOffer Offer(string id, DateOnly date, SessionSlot slot, string province = "hue") =>
        new(id, GrainWorld.CycleKey, "c", "s01", "cadre-work", date, slot, TeachingMethod.Lecture, province, new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero));

    private static async Task<ILecturerGrain> LecturerAsync(GrainCluster silo)
    {
        // Answers are reported to the cycle, so the cycle must exist; it ignores answers about courses it does not have.
        await GrainWorld.DefineCurriculumAsync(silo.GrainFactory);
        await silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey).CreateAsync(new NewCycle(new(2027, 3, 1), new(2028, 11, 30), "2027", []));
        var lecturer = silo.GrainFactory.GetGrain<ILecturerGrain>($"l-{GrainWorld.Suffix()}");
        await lecturer.CreateAsync(GrainWorld.Lecturer("Nguyễn Văn A", "cadre-work"));
        return lecturer;
    }

    private static async Task<AssignmentStatus> StatusAsync(ILecturerGrain lecturer, string assignmentId) =>
        (await lecturer.GetAssignmentsAsync()).Single(a => a.Offer.AssignmentId == assignmentId).Status;

    [Fact]
    public async Task Several_answers_in_one_call_are_all_recorded()
    {
        await using var silo = await GrainWorld.StartAsync();
        var lecturer = await LecturerAsync(silo);
        await lecturer.ReceiveOfferAsync(Offer("o1", Day, SessionSlot.Morning));
        await lecturer.ReceiveOfferAsync(Offer("o2", Day.AddDays(7), SessionSlot.Morning));

        var answered = await lecturer.AnswerAllAsync(
            [new OfferAnswer("o1", OfferDecision.Accept, null), new OfferAnswer("o2", OfferDecision.Decline, "Đi công tác")]);

        Assert.Equal([AssignmentStatus.Accepted, AssignmentStatus.Declined], answered.Select(a => a.Status).ToArray());
        Assert.Equal("Đi công tác", answered[1].DeclineReason);
        await Until.DeliveredAsync(lecturer);
        Assert.Equal(AssignmentStatus.Accepted, await StatusAsync(lecturer, "o1"));
        Assert.Equal(AssignmentStatus.Declined, await StatusAsync(lecturer, "o2"));
    }

    [Fact]
    public async Task Two_accepts_that_clash_with_each_other_refuse_the_whole_request_and_record_nothing()
    {
        await using var silo = await GrainWorld.StartAsync();
        var lecturer = await LecturerAsync(silo);
        await lecturer.ReceiveOfferAsync(Offer("o1", Day, SessionSlot.Morning));
        await lecturer.ReceiveOfferAsync(Offer("o2", Day.AddDays(7), SessionSlot.Morning));
        await lecturer.ReceiveOfferAsync(Offer("o3", Day, SessionSlot.Morning));

        var error = await Assert.ThrowsAsync<ConflictException>(() => lecturer.AnswerAllAsync(
            [new OfferAnswer("o1", OfferDecision.Accept, null), new OfferAnswer("o2", OfferDecision.Decline, "Ốm"), new OfferAnswer("o3", OfferDecision.Accept, null)]));

        Assert.Equal(ConflictRules.DoubleBooking, error.Rule);
        Assert.StartsWith("answers[2] (o3)", error.Message, StringComparison.Ordinal);
        Assert.All(await lecturer.GetAssignmentsAsync(), a => Assert.Equal(AssignmentStatus.Offered, a.Status));
        Assert.Empty(await lecturer.GetPendingFollowUpsAsync());
    }

    [Fact]
    public async Task An_unknown_assignment_or_a_decline_without_reason_names_its_answer_and_records_nothing()
    {
        await using var silo = await GrainWorld.StartAsync();
        var lecturer = await LecturerAsync(silo);
        await lecturer.ReceiveOfferAsync(Offer("o1", Day, SessionSlot.Morning));

        var unknown = await Assert.ThrowsAsync<NotFoundException>(() => lecturer.AnswerAllAsync(
            [new OfferAnswer("o1", OfferDecision.Accept, null), new OfferAnswer("nope", OfferDecision.Accept, null)]));
        var noReason = await Assert.ThrowsAsync<DomainValidationException>(() => lecturer.AnswerAllAsync(
            [new OfferAnswer("o1", OfferDecision.Decline, " ")]));
        var twice = await Assert.ThrowsAsync<DomainValidationException>(() => lecturer.AnswerAllAsync(
            [new OfferAnswer("o1", OfferDecision.Accept, null), new OfferAnswer("o1", OfferDecision.Decline, "Ốm")]));
        var none = await Assert.ThrowsAsync<DomainValidationException>(() => lecturer.AnswerAllAsync([]));
        Assert.Empty(await lecturer.GetPendingFollowUpsAsync());
        await lecturer.ReceiveOfferAsync(Offer("o2", Day.AddDays(7), SessionSlot.Morning));
        await lecturer.DeclineAsync("o2", "Ốm");
        var answered = await Assert.ThrowsAsync<ConflictException>(() => lecturer.AnswerAllAsync(
            [new OfferAnswer("o1", OfferDecision.Accept, null), new OfferAnswer("o2", OfferDecision.Accept, null)]));

        Assert.Equal("answers[1].assignmentId", unknown.Field);
        Assert.Equal("answers[0].reason", noReason.Field);
        Assert.Equal("answers[1].assignmentId", twice.Field);
        Assert.Equal("answers", none.Field);
        Assert.Equal(ConflictRules.AlreadyAnswered, answered.Rule);
        Assert.StartsWith("answers[1] (o2)", answered.Message, StringComparison.Ordinal);
        Assert.Equal(AssignmentStatus.Offered, await StatusAsync(lecturer, "o1"));

    }

    [Fact]
    public async Task Withdrawing_is_allowed_until_the_cut_off_and_only_from_an_accepted_session()
    {
        await using var silo = await GrainWorld.StartAsync();
        var lecturer = await LecturerAsync(silo);
        var early = new DateOnly(2027, 2, 1); // the clock starts on 2027-01-04: the cut-off (21 days before) is 2027-01-11
        var late = new DateOnly(2027, 6, 1);
        await lecturer.ReceiveOfferAsync(Offer("o1", early, SessionSlot.Morning));
        await lecturer.ReceiveOfferAsync(Offer("o2", late, SessionSlot.Morning));
        await lecturer.ReceiveOfferAsync(Offer("o3", late.AddDays(7), SessionSlot.Morning));
        await lecturer.AnswerAllAsync([new OfferAnswer("o1", OfferDecision.Accept, null), new OfferAnswer("o2", OfferDecision.Accept, null)]);
        await Until.DeliveredAsync(lecturer);

        var open = await Assert.ThrowsAsync<ConflictException>(() => lecturer.WithdrawAsync("o3", "Ốm"));
        Assert.Equal(ConflictRules.InvalidTransition, open.Rule);
        Assert.Equal("reason", (await Assert.ThrowsAsync<DomainValidationException>(() => lecturer.WithdrawAsync("o2", ""))).Field);

        await silo.AdvanceAsync(TimeSpan.FromDays(8)); // 2027-01-12: past o1's cut-off, well before o2's
        var tooLate = await Assert.ThrowsAsync<ConflictException>(() => lecturer.WithdrawAsync("o1", "Ốm"));
        Assert.Equal(ConflictRules.WithdrawalCutOff, tooLate.Rule);
        Assert.Contains("2027-01-11", tooLate.Message, StringComparison.Ordinal);
        Assert.Equal(AssignmentStatus.Accepted, await StatusAsync(lecturer, "o1"));

        var withdrawn = await lecturer.WithdrawAsync("o2", "Phải đi học dài hạn");

        Assert.Equal(AssignmentStatus.Withdrawn, withdrawn.Status);
        Assert.Equal(WithdrawalParty.Lecturer, withdrawn.WithdrawnBy);
        Assert.Equal("Phải đi học dài hạn", withdrawn.WithdrawalReason);
        Assert.Equal(1, (await lecturer.GetAsync()).AcceptedSessionsByCycle[GrainWorld.CycleKey]); // o1 only
        await Until.DeliveredAsync(lecturer);
    }

    [Fact]
    public async Task A_new_unavailable_date_declines_the_open_offer_on_it_and_refuses_when_an_accepted_session_is_on_it()
    {
        await using var silo = await GrainWorld.StartAsync();
        var lecturer = await LecturerAsync(silo);
        await lecturer.ReceiveOfferAsync(Offer("o1", Day, SessionSlot.Morning));
        await lecturer.ReceiveOfferAsync(Offer("o2", Day.AddDays(7), SessionSlot.Morning));
        await lecturer.ReceiveOfferAsync(Offer("o3", Day.AddDays(14), SessionSlot.Morning));
        await lecturer.AcceptAsync("o2");

        var view = await lecturer.AddUnavailableDateAsync(Day, "Họp Ban Chấp hành");

        var declined = view.Assignments.Single(a => a.Offer.AssignmentId == "o1");
        Assert.Equal(AssignmentStatus.Declined, declined.Status);
        Assert.Contains("2027-03-03", declined.DeclineReason, StringComparison.Ordinal);
        Assert.Contains("Họp Ban Chấp hành", declined.DeclineReason, StringComparison.Ordinal);
        Assert.Equal([new UnavailableDate(Day, "Họp Ban Chấp hành")], view.Unavailability.ToArray());
        Assert.Equal(AssignmentStatus.Offered, await StatusAsync(lecturer, "o3"));
        await Until.DeliveredAsync(lecturer);

        var refused = await Assert.ThrowsAsync<ConflictException>(() => lecturer.AddUnavailableDateAsync(Day.AddDays(7), null));
        Assert.Equal(ConflictRules.AcceptedSessionOnDate, refused.Rule);
        Assert.Contains("withdraw", refused.Message, StringComparison.Ordinal);
        Assert.Equal([Day], (await lecturer.GetAsync()).UnavailableDates.ToArray());
        Assert.Equal(AssignmentStatus.Accepted, await StatusAsync(lecturer, "o2"));
    }

    [Fact]
    public async Task An_unavailable_date_is_removed_on_its_own_and_an_undeclared_one_is_not_found()
    {
        await using var silo = await GrainWorld.StartAsync();
        var lecturer = await LecturerAsync(silo);
        await lecturer.AddUnavailableDateAsync(Day, null);
        await lecturer.AddUnavailableDateAsync(Day.AddDays(1), "Nghỉ phép");

        var view = await lecturer.RemoveUnavailableDateAsync(Day.AddDays(1));

        Assert.Equal([new UnavailableDate(Day, null)], view.Unavailability.ToArray());
        await Assert.ThrowsAsync<NotFoundException>(() => lecturer.RemoveUnavailableDateAsync(Day.AddDays(1)));
        Assert.Equal([Day], (await lecturer.GetAsync()).UnavailableDates.ToArray());
    }
}
