using System.Text;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Materials;

namespace OrleansTraining.Grains.Tests;

/// <summary>A week before a course's materials are due, lecturers whose topic still has no file are reminded, once.</summary>
public sealed class MaterialsReminderTests
{
    [Fact]
    public async Task Only_the_lecturer_whose_topic_has_no_file_is_reminded_a_week_before_the_materials_are_due()
    {
        await using var silo = await GrainWorld.StartAsync();
        var (a, b) = await GrainWorld.BuildSmallWorldAsync(silo.GrainFactory);
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey);
        await cycle.PlanAsync();
        await cycle.PublishAsync();
        var course = (await cycle.GetPlanAsync()).Courses.Single();
        var topicOfA = course.Sessions.First(s => s.LecturerId == a).TopicCode;
        var topicOfB = course.Sessions.First(s => s.LecturerId == b).TopicCode;
        Assert.NotEqual(topicOfA, topicOfB);
        await silo.GrainFactory.GetGrain<IMaterialsGrain>(course.Id).UploadAsync(
            new MaterialUpload(topicOfA, "bai-giang.txt", Encoding.UTF8.GetBytes("Đề cương bài giảng")), new MaterialsReader(MaterialsRole.Lecturer, a));
        var options = new DeadlineOptions();
        var remindOn = course.Start!.Value.AddDays(-options.MaterialsDaysBeforeStart - options.MaterialsReminderDaysBeforeDue);

        await silo.AdvanceAsync(Deadlines.StartOfDay(remindOn.AddDays(-1)) - silo.Time.GetUtcNow());
        Assert.Empty((await silo.GrainFactory.GetGrain<ILecturerGrain>(b).GetAsync()).Notices);

        await silo.AdvanceAsync(TimeSpan.FromDays(1) + TimeSpan.FromHours(1));
        var notices = (await Until.Async(
            () => silo.GrainFactory.GetGrain<ILecturerGrain>(b).GetAsync(), l => !l.Notices.IsEmpty, "b was reminded")).Notices;
        var notice = Assert.Single(notices);
        Assert.Equal("MaterialsMissing", notice.Kind);
        Assert.Equal(course.Id, notice.CourseId);
        Assert.Contains(topicOfB, notice.Text);
        Assert.Empty((await silo.GrainFactory.GetGrain<ILecturerGrain>(a).GetAsync()).Notices);

        // The reminder fires once: later days bring no second notice.
        await silo.AdvanceAsync(TimeSpan.FromDays(3));
        Assert.Single((await silo.GrainFactory.GetGrain<ILecturerGrain>(b).GetAsync()).Notices);
    }
}
