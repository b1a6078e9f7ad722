using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.Tests;

public sealed class CourseRulesTests
{
    private static async Task<(ICycleGrain Cycle, ICourseGrain Course)> PublishedCourseAsync(GrainCluster silo)
    {
        await GrainWorld.BuildSmallWorldAsync(silo.GrainFactory);
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey);
        await cycle.PlanAsync();
        await cycle.PublishAsync();
        var courseId = (await cycle.GetAsync()).CourseIds.Single();
        return (cycle, silo.GrainFactory.GetGrain<ICourseGrain>(courseId));
    }

    [Fact]
    public async Task Nominations_over_the_province_quota_are_refused_and_nothing_is_written()
    {
        await using var silo = await GrainWorld.StartAsync();
        var (_, course) = await PublishedCourseAsync(silo);

        await course.NominateAsync(new NominationRequest("hue", GrainWorld.Trainees(1)));
        var error = await Assert.ThrowsAsync<ConflictException>(() => course.NominateAsync(new NominationRequest("hue", GrainWorld.Trainees(2))));

        Assert.Equal(ConflictRules.NominationQuota, error.Rule);
        Assert.Single((await course.GetAsync()).Trainees);
    }

    [Fact]
    public async Task Old_province_names_nominate_for_the_current_province()
    {
        await using var silo = await GrainWorld.StartAsync();
        var (_, course) = await PublishedCourseAsync(silo);

        var view = await course.NominateAsync(new NominationRequest("Sóc Trăng", GrainWorld.Trainees(2)));

        Assert.All(view.Trainees, t => Assert.Equal("can-tho", t.ProvinceCode));
        Assert.Equal(ConflictRules.NominationQuota, (await Assert.ThrowsAsync<ConflictException>(() =>
            course.NominateAsync(new NominationRequest("Hậu Giang", GrainWorld.Trainees(1))))).Rule);
    }

    [Fact]
    public async Task Trainees_outside_the_audience_or_unknown_provinces_are_invalid_input()
    {
        await using var silo = await GrainWorld.StartAsync();
        var (_, course) = await PublishedCourseAsync(silo);

        var specialist = await Assert.ThrowsAsync<DomainValidationException>(() =>
            course.NominateAsync(new NominationRequest("hue", GrainWorld.Trainees(1, TraineePosition.Specialist))));
        Assert.Equal("trainees[0].position", specialist.Field);
        Assert.Equal("provinceCode", (await Assert.ThrowsAsync<DomainValidationException>(() =>
            course.NominateAsync(new NominationRequest("atlantis", GrainWorld.Trainees(1))))).Field);
        Assert.Equal("trainees", (await Assert.ThrowsAsync<DomainValidationException>(() =>
            course.NominateAsync(new NominationRequest("hue", [])))).Field);
        Assert.Empty((await course.GetAsync()).Trainees);
    }

    [Fact]
    public async Task Nominations_wait_for_publication_and_unknown_courses_are_not_found()
    {
        await using var silo = await GrainWorld.StartAsync();
        await GrainWorld.BuildSmallWorldAsync(silo.GrainFactory);
        var courseId = (await silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey).GetAsync()).CourseIds.Single();
        var course = silo.GrainFactory.GetGrain<ICourseGrain>(courseId);

        Assert.Equal(ConflictRules.InvalidTransition, (await Assert.ThrowsAsync<ConflictException>(() =>
            course.NominateAsync(new NominationRequest("hue", GrainWorld.Trainees(1))))).Rule);
        await Assert.ThrowsAsync<NotFoundException>(() =>
            silo.GrainFactory.GetGrain<ICourseGrain>($"nope-{GrainWorld.Suffix()}").NominateAsync(new NominationRequest("hue", GrainWorld.Trainees(1))));
    }

    [Fact]
    public async Task Attendance_and_evaluations_need_a_held_course_and_valid_ids_and_freeze_when_it_closes()
    {
        await using var silo = await GrainWorld.StartAsync();
        var (_, course) = await PublishedCourseAsync(silo);
        var view = await course.NominateAsync(new NominationRequest("hue", GrainWorld.Trainees(2)));
        var start = view.Start!.Value;
        await Assert.ThrowsAsync<ConflictException>(() => course.MarkHeldAsync());
        await silo.GrainFactory.GetGrain<IProvinceGrain>(view.HostProvince!).ConfirmHostingAsync(view.HostingRequestId!, GrainWorld.Logistics());
        await Until.DeliveredAsync(silo.GrainFactory.GetGrain<IProvinceGrain>(view.HostProvince!));

        // Confirmed, but the course has not started yet.
        Assert.Equal(ConflictRules.CourseNotStarted, (await Assert.ThrowsAsync<ConflictException>(() => course.MarkHeldAsync())).Rule);
        Assert.Equal(ConflictRules.InvalidTransition, (await Assert.ThrowsAsync<ConflictException>(() =>
            course.RecordAttendanceAsync(new DailyAttendance(start, [view.Trainees[0].TraineeId]), null))).Rule);
        silo.Time.SetUtcNow(Deadlines.StartOfDay(start).AddHours(9));
        Assert.Equal(CourseStatus.Held, (await course.MarkHeldAsync()).Status);

        Assert.Equal("presentTraineeIds[0]", (await Assert.ThrowsAsync<UnprocessableException>(() =>
            course.RecordAttendanceAsync(new DailyAttendance(start, ["t999"]), null))).Field);
        Assert.Equal("day", (await Assert.ThrowsAsync<UnprocessableException>(() =>
            course.RecordAttendanceAsync(new DailyAttendance(start.AddDays(-1), []), null))).Field);
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            course.RecordAttendanceAsync(new DailyAttendance(start, []), view.HostProvince == "hue" ? "can-tho" : "hue"));
        var held = await course.RecordAttendanceAsync(new DailyAttendance(start, [view.Trainees[0].TraineeId]), view.HostProvince);

        Assert.Equal([true, false], held.Trainees.Select(t => t.Attended == true).ToArray());
        Assert.Equal("ratings[0].content", (await Assert.ThrowsAsync<DomainValidationException>(() =>
            course.RecordEvaluationAsync(new PaperEvaluation(null, [new("s01", 6, 4, 4, null), new("s02", 4, 4, 4, null)])))).Field);
        Assert.Equal("ratings[0].sessionId", (await Assert.ThrowsAsync<UnprocessableException>(() =>
            course.RecordEvaluationAsync(new PaperEvaluation(null, [new("s99", 4, 4, 4, null)])))).Field);
        Assert.Equal("ratings", (await Assert.ThrowsAsync<DomainValidationException>(() =>
            course.RecordEvaluationAsync(new PaperEvaluation(null, [new("s01", 4, 4, 4, null)])))).Field);

        await course.CloseAsync();
        Assert.Equal(ConflictRules.CourseClosed, (await Assert.ThrowsAsync<ConflictException>(() =>
            course.RecordAttendanceAsync(new DailyAttendance(start, []), null))).Rule);
        Assert.Equal(ConflictRules.CourseClosed, (await Assert.ThrowsAsync<ConflictException>(() =>
            course.RecordEvaluationAsync(new PaperEvaluation(null, [new("s01", 4, 4, 4, null), new("s02", 4, 4, 4, null)])))).Rule);
        var frozen = await course.GetAsync();
        Assert.Equal(new[] { true, false }, frozen.Trainees.Select(t => t.Attended == true).ToArray());
    }

    [Fact]
    public async Task An_evaluation_link_works_once_and_a_reissue_retires_the_unused_one()
    {
        await using var silo = await GrainWorld.StartAsync();
        var (_, course) = await PublishedCourseAsync(silo);
        var view = await course.NominateAsync(new NominationRequest("hue", GrainWorld.Trainees(2)));
        await silo.GrainFactory.GetGrain<IProvinceGrain>(view.HostProvince!).ConfirmHostingAsync(view.HostingRequestId!, GrainWorld.Logistics());
        await Until.DeliveredAsync(silo.GrainFactory.GetGrain<IProvinceGrain>(view.HostProvince!));
        silo.Time.SetUtcNow(Deadlines.StartOfDay(view.Start!.Value).AddHours(9));
        await course.MarkHeldAsync();

        var first = await course.IssueEvaluationLinksAsync();
        var secret = first[0].Token[(first[0].Token.LastIndexOf('.') + 1)..];
        Assert.Equal(2, first.Length);
        Assert.StartsWith(view.Id + ".", first[0].Token);
        Assert.Equal(2, (await course.GetEvaluationFormAsync(secret)).Sessions.Length);
        // The link says who rates: a body naming the other trainee is refused and uses nothing up; naming its own is fine.
        Assert.Equal("traineeId", (await Assert.ThrowsAsync<DomainValidationException>(() => course.SubmitEvaluationAsync(
            secret, new EvaluationForm([new("s01", 1, 1, 1, null), new("s02", 1, 1, 1, null)], first[1].TraineeId)))).Field);
        Assert.Empty((await course.GetAsync()).Evaluations);
        await course.SubmitEvaluationAsync(secret, new EvaluationForm([new("s01", 5, 4, 3, "Rõ ràng"), new("s02", 4, 4, 4, null)], first[0].TraineeId));

        Assert.Equal(ConflictRules.EvaluationAlreadySubmitted, (await Assert.ThrowsAsync<ConflictException>(() =>
            course.SubmitEvaluationAsync(secret, new EvaluationForm([new("s01", 1, 1, 1, null), new("s02", 1, 1, 1, null)])))).Rule);
        var second = await course.IssueEvaluationLinksAsync();
        Assert.Equal([first[1].TraineeId], second.Select(l => l.TraineeId).ToArray()); // who evaluated gets no new link
        await Assert.ThrowsAsync<NotFoundException>(() => course.GetEvaluationFormAsync(first[1].Token[(first[1].Token.LastIndexOf('.') + 1)..]));
        await Assert.ThrowsAsync<NotFoundException>(() => course.GetEvaluationFormAsync("guess"));
        var rows = (await course.GetAsync()).Evaluations;
        Assert.Equal(2, rows.Length);
        Assert.All(rows, r => Assert.Equal(first[0].TraineeId, r.TraineeId));
        var summary = await course.GetEvaluationSummaryAsync(null);
        Assert.Equal(5, summary.Single(x => x.SessionId == "s01").Content);
    }

    [Fact]
    public async Task A_withdrawn_nominee_frees_the_quota_and_its_id_is_never_given_again()
    {
        await using var silo = await GrainWorld.StartAsync();
        var (_, course) = await PublishedCourseAsync(silo);
        var view = await course.NominateAsync(new NominationRequest("hue", GrainWorld.Trainees(2)));

        await Assert.ThrowsAsync<ForbiddenException>(() => course.WithdrawNomineeAsync("t002", "can-tho"));
        await course.WithdrawNomineeAsync("t002", "hue");
        view = await course.NominateAsync(new NominationRequest("hue", GrainWorld.Trainees(1)));

        Assert.Equal(["t001", "t003"], view.Trainees.Select(t => t.TraineeId).ToArray());
        silo.Time.SetUtcNow(view.NominationsCloseAt!.Value);
        Assert.Equal(ConflictRules.NominationDeadline, (await Assert.ThrowsAsync<ConflictException>(() => course.WithdrawNomineeAsync("t001", "hue"))).Rule);
        Assert.False((await course.GetAsync()).NominationsOpen);
    }

    [Fact]
    public async Task Materials_cannot_be_marked_sent_in_the_future()
    {
        await using var silo = await GrainWorld.StartAsync();
        var (_, course) = await PublishedCourseAsync(silo);

        Assert.Equal("sentOn", (await Assert.ThrowsAsync<DomainValidationException>(() =>
            course.MarkMaterialsSentAsync(new DateOnly(2030, 1, 1)))).Field);
        Assert.Equal(new DateOnly(2027, 1, 4), (await course.MarkMaterialsSentAsync(null)).MaterialsSentOn);
    }
}
