using System.Collections.Immutable;
using Orleans;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Materials;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Pages.Tests.Infrastructure;

/// <summary>A course of a test's own cycle taken on through the grains: host confirmed, two trainees nominated, held.</summary>
public static class HeldCourses
{
    public static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <summary>
    /// Published, its host confirmed, one trainee each from Huế and Cần Thơ; the clock untouched. Three topics: enough
    /// sessions to show a list, few enough for a test to rate or mark each one in the browser.
    /// </summary>
    public static async Task<CourseView> NominatedAsync(IGrainFactory grains)
    {
        var plan = await TestCycles.PublishedAsync(grains, courses: 1, topics: 3);
        var (course, request) = (await TestCycles.AwaitingHostAsync(grains, plan))[0];
        var grain = grains.GetGrain<ICourseGrain>(course.Id);
        await grain.NominateAsync(new NominationRequest("hue", [new Trainee("Nguyễn Văn An", TraineePosition.Head, AdministrativeLevel.Provincial, "Ban Tổ chức Tỉnh ủy")]));
        await grain.NominateAsync(new NominationRequest("can-tho", [new Trainee("Trần Thị Bình", TraineePosition.DeputyHead, AdministrativeLevel.Provincial, null)]));
        await grains.GetGrain<IProvinceGrain>(course.HostProvince!).ConfirmHostingAsync(
            request.Request.RequestId, new HostingConfirmation("Hội trường Tỉnh ủy", 30, "Nhà khách Tỉnh ủy", "Xe của tỉnh", "Chị Lan, 0912 345 678"));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((course = await grain.GetAsync()).Status != CourseStatus.HostConfirmed)
        {
            Assert.True(DateTime.UtcNow < deadline, "The host's confirmation did not reach the course within 60 s.");
            await Task.Delay(50);
        }

        return course;
    }

    /// <summary>As <see cref="NominatedAsync"/>, then the clock set to the first day and the course marked held.</summary>
    public static async Task<CourseView> HeldAsync(PagesFixture fixture)
    {
        var course = await NominatedAsync(fixture.Grains);
        OnDay(fixture, course.Start!.Value);
        return await fixture.Grains.GetGrain<ICourseGrain>(course.Id).MarkHeldAsync();
    }

    /// <summary>The clock at 09:00 in Vietnam on <paramref name="day"/>.</summary>
    public static void OnDay(PagesFixture fixture, DateOnly day) =>
        fixture.Gateway.Clock.Set(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), Vietnam));

    public static async Task<MaterialView> UploadAsync(IGrainFactory grains, CourseView course, string fileName) =>
        await grains.GetGrain<IMaterialsGrain>(course.Id).UploadAsync(
            new MaterialUpload(course.Sessions[0].TopicCode, fileName, Pdf), new MaterialsReader(MaterialsRole.Board, null));

    public static ImmutableArray<DateOnly> Days(CourseView course) =>
        [.. Enumerable.Range(0, course.End!.Value.DayNumber - course.Start!.Value.DayNumber + 1).Select(course.Start.Value.AddDays)];
}
