using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.Tests;

public sealed class ReportAndRollOverTests
{
    [Fact]
    public async Task The_report_counts_trainees_by_province_who_sent_nobody_attendance_and_evaluations_then_the_cycle_rolls_over()
    {
        await using var silo = await GrainWorld.StartAsync();
        var (a, b) = await GrainWorld.BuildSmallWorldAsync(silo.GrainFactory);
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey);
        await cycle.PlanAsync();
        await cycle.PublishAsync();
        foreach (var id in new[] { a, b })
        {
            var lecturer = silo.GrainFactory.GetGrain<ILecturerGrain>(id);
            await lecturer.AcceptAsync((await lecturer.GetAssignmentsAsync()).Single().Offer.AssignmentId);
            await Until.DeliveredAsync(lecturer);
        }

        var course = silo.GrainFactory.GetGrain<ICourseGrain>((await cycle.GetAsync()).CourseIds.Single());
        var view = await course.GetAsync();
        await silo.GrainFactory.GetGrain<IProvinceGrain>(view.HostProvince!).ConfirmHostingAsync(view.HostingRequestId!, GrainWorld.Logistics());
        await Until.DeliveredAsync(silo.GrainFactory.GetGrain<IProvinceGrain>(view.HostProvince!));
        await course.NominateAsync(new NominationRequest("hue", GrainWorld.Trainees(2)));
        view = await course.NominateAsync(new NominationRequest("ha-noi", GrainWorld.Trainees(1)));
        await course.MarkMaterialsSentAsync(null);
        silo.Time.SetUtcNow(Deadlines.StartOfDay(view.Start!.Value).AddHours(9));
        await course.MarkHeldAsync();
        await course.RecordAttendanceAsync(new DailyAttendance(view.Start!.Value, [.. view.Trainees.Take(2).Select(t => t.TraineeId)]), null);
        await course.RecordEvaluationAsync(new PaperEvaluation(null, [new("s01", 5, 5, 5, null), new("s02", 3, 3, 3, null)]));
        await course.RecordEvaluationAsync(new PaperEvaluation(null, [new("s01", 4, 4, 4, "Nhiều tình huống thực tế"), new("s02", 3, 3, 3, null)]));
        await cycle.SetConclusionsAsync(new BoardConclusions("Hoàn thành tốt", [
            new("Gửi tài liệu trước", RecommendationStatus.Open), new("Mở lớp 2 năm/lần", RecommendationStatus.Done)]));
        await cycle.StartAsync();
        Assert.Equal(ConflictRules.CycleHasOpenCourses, (await Assert.ThrowsAsync<ConflictException>(() => cycle.CloseAsync())).Rule);
        await course.CloseAsync();

        var report = await cycle.GetReportAsync();

        Assert.Equal(1, report.CoursesHeld);
        Assert.Equal(2, report.TraineesByProvince["hue"]);
        Assert.Equal(1, report.TraineesByProvince["ha-noi"]);
        Assert.Equal(32, report.ProvincesThatSentNobody.Length);
        Assert.DoesNotContain("hue", report.ProvincesThatSentNobody);
        Assert.Equal(3, report.TraineesNominated);
        Assert.Equal(2, report.TraineesAttended);
        Assert.Equal(0.6667, report.AttendanceRate);
        Assert.Equal(4.5, report.EvaluationByTopic.Single(e => e.Key == "cadre-evaluation").Average);
        Assert.Equal(4.5, report.EvaluationByLecturer.Single(e => e.Key == a).Average);
        Assert.Equal(3, report.EvaluationByLecturer.Single(e => e.Key == b).Average);
        Assert.Equal("Nguyễn Văn A", report.EvaluationByLecturer.Single(e => e.Key == a).Label);
        Assert.Equal(new[] { ("Discussion", 3.0), ("Lecture", 4.5) }, report.EvaluationByMethod.Select(e => (e.Key, e.Average)).ToArray());
        Assert.Equal(1, report.MaterialsOnTime);
        Assert.Equal("Hoàn thành tốt", report.Conclusions);
        var detail = report.CourseDetails.Single();
        Assert.Equal(["cadre-evaluation", "office-work"], detail.Topics.Select(t => t.TopicCode).ToArray());
        Assert.Equal(2, detail.Lecturers.Length);
        Assert.Equal(2, report.AttendanceByProvince.Single(p => p.ProvinceCode == "hue").Attended);
        Assert.Empty(report.OpenEscalations);

        await cycle.CloseAsync();
        Assert.Equal(CourseStatus.Reported, (await course.GetAsync()).Status);

        var next = await cycle.RollOverAsync(null);
        Assert.Equal("2029-2030", next.Id);
        Assert.Equal(CycleStatus.Draft, next.Status);
        Assert.Equal("2027", next.CurriculumVersion);
        Assert.Equal(new DateOnly(2029, 3, 1), next.Start);
        Assert.Equal(GrainWorld.CycleKey, next.PreviousCycleId);
        Assert.Equal([view.HostProvince!], next.PreviousHosts.ToArray()); // the host is carried for rotation
        Assert.Single(next.CourseIds);
        Assert.Equal(new[] { ("Gửi tài liệu trước", (string?)GrainWorld.CycleKey) }, next.Recommendations.Select(r => (r.Text, r.FromCycleId)).ToArray());
        Assert.Equal("2029-2030", (await cycle.GetAsync()).NextCycleId);

        // The next plan rotates away from this cycle's host.
        await silo.GrainFactory.GetGrain<ICycleGrain>("2029-2030").PlanAsync();
        var nextCourse = (await silo.GrainFactory.GetGrain<ICycleGrain>("2029-2030").GetPlanAsync()).Courses.Single();
        Assert.NotEqual(view.HostProvince, nextCourse.HostProvince);
    }
}
