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
    public async Task Attendance_and_evaluations_need_a_held_course_and_valid_ids()
    {
        await using var silo = await GrainWorld.StartAsync();
        var (_, course) = await PublishedCourseAsync(silo);
        var view = await course.NominateAsync(new NominationRequest("hue", GrainWorld.Trainees(2)));
        await Assert.ThrowsAsync<ConflictException>(() => course.RecordAttendanceAsync(new AttendanceRecord([view.Trainees[0].TraineeId])));
        await silo.GrainFactory.GetGrain<IProvinceGrain>(view.HostProvince!).ConfirmHostingAsync(view.HostingRequestId!, GrainWorld.Logistics());
        await Until.DeliveredAsync(silo.GrainFactory.GetGrain<IProvinceGrain>(view.HostProvince!));

        Assert.Equal("presentTraineeIds[0]", (await Assert.ThrowsAsync<DomainValidationException>(() =>
            course.RecordAttendanceAsync(new AttendanceRecord(["t999"])))).Field);
        var held = await course.RecordAttendanceAsync(new AttendanceRecord([view.Trainees[0].TraineeId]));

        Assert.Equal(CourseStatus.Held, held.Status);
        Assert.Equal([true, false], held.Trainees.Select(t => t.Attended == true).ToArray());
        Assert.Equal("score", (await Assert.ThrowsAsync<DomainValidationException>(() =>
            course.RecordEvaluationAsync(new EvaluationRequest("s01", 6, null)))).Field);
        Assert.Equal("sessionId", (await Assert.ThrowsAsync<DomainValidationException>(() =>
            course.RecordEvaluationAsync(new EvaluationRequest("s99", 4, null)))).Field);
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
