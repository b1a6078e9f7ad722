using System.Collections.Immutable;
using Orleans;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Curricula;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Pages.Tests.Infrastructure;

/// <summary>
/// A published cycle of a test's own (a fresh key per test), made through the grains as the API's endpoints make it,
/// so no test answers another test's hosting request or offer.
/// </summary>
public static class TestCycles
{
    private static int _nextYear = 2029;

    public static async Task<CyclePlan> PublishedAsync(IGrainFactory grains, int courses = 2, int? topics = null)
    {
        var cycle = grains.GetGrain<ICycleGrain>(await DraftAsync(grains, courses, topics));
        await cycle.PlanAsync();
        await cycle.PublishAsync();
        return await cycle.GetPlanAsync();
    }

    /// <summary>
    /// A new cycle with its courses, not planned yet; returns its id. Each course teaches every topic of the curriculum,
    /// or only its first <paramref name="topics"/> (a short course: fewer sessions for a test to fill in by hand).
    /// </summary>
    public static async Task<string> DraftAsync(IGrainFactory grains, int courses = 2, int? topics = null)
    {
        ImmutableArray<CourseTopicPlan> plans = topics is int count
            ? [.. (await grains.GetGrain<ICurriculumGrain>("2027").GetAsync()).Topics.Take(count).Select(t => new CourseTopicPlan(t.Code, TeachingMethod.Lecture))]
            : [];
        var year = Interlocked.Add(ref _nextYear, 2);
        var cycleId = $"{year}-{year + 1}";
        var cycle = grains.GetGrain<ICycleGrain>(cycleId);
        await cycle.CreateAsync(new NewCycle(
            new DateOnly(year, 1, 4),
            new DateOnly(year + 1, 12, 18),
            "2027",
            [.. Enumerable.Range(1, courses).Select(i => new CourseDraft(
                $"Lớp bồi dưỡng công tác tổ chức {i} ({cycleId})",
                new CourseAudience([TraineePosition.Head, TraineePosition.DeputyHead], [AdministrativeLevel.Provincial]),
                Capacity: 60,
                QuotaPerProvince: 2,
                Topics: plans,
                CoOrganisers: []))]));
        return cycleId;
    }

    /// <summary>The courses waiting for their host's answer, with the request the host province holds.</summary>
    public static async Task<ImmutableArray<(CourseView Course, HostingRequestView Request)>> AwaitingHostAsync(IGrainFactory grains, CyclePlan plan)
    {
        var courses = plan.Courses.Where(c => c.Status == CourseStatus.Published && c.HostProvince is not null && c.HostingRequestId is not null).ToList();
        Assert.NotEmpty(courses);
        var found = new List<(CourseView, HostingRequestView)>();
        foreach (var course in courses)
        {
            found.Add((course, await DeliveredAsync(
                () => grains.GetGrain<IProvinceGrain>(course.HostProvince!).GetHostingRequestsAsync(),
                requests => requests.FirstOrDefault(r => r.Request.RequestId == course.HostingRequestId))));
        }

        return [.. found];
    }

    /// <summary>Offers of the plan that reached their lecturer, at most one per lecturer so the calendars never interfere.</summary>
    public static async Task<ImmutableArray<AssignmentView>> OffersAsync(IGrainFactory grains, CyclePlan plan, int count)
    {
        var sessions = plan.Courses.SelectMany(c => c.Sessions)
            .Where(s => s.Staffing == StaffingStatus.Offered && s.LecturerId is not null && s.AssignmentId is not null)
            .DistinctBy(s => s.LecturerId)
            .Take(count)
            .ToList();
        Assert.Equal(count, sessions.Count);
        var offers = new List<AssignmentView>();
        foreach (var session in sessions)
        {
            offers.Add(await DeliveredAsync(
                () => grains.GetGrain<ILecturerGrain>(session.LecturerId!).GetAssignmentsAsync(),
                assignments => assignments.FirstOrDefault(a => a.Offer.AssignmentId == session.AssignmentId)));
        }

        return [.. offers];
    }

    /// <summary>Several offers of the plan to one lecturer, once they all reached the lecturer.</summary>
    public static async Task<ImmutableArray<AssignmentView>> OffersToOneLecturerAsync(IGrainFactory grains, CyclePlan plan, int count)
    {
        var sessions = plan.Courses.SelectMany(c => c.Sessions)
            .Where(s => s.Staffing == StaffingStatus.Offered && s.LecturerId is not null && s.AssignmentId is not null)
            .GroupBy(s => s.LecturerId!)
            .FirstOrDefault(g => g.Count() >= count)?.Take(count).ToList();
        Assert.NotNull(sessions);
        var offers = new List<AssignmentView>();
        foreach (var session in sessions)
        {
            offers.Add(await DeliveredAsync(
                () => grains.GetGrain<ILecturerGrain>(session.LecturerId!).GetAssignmentsAsync(),
                assignments => assignments.FirstOrDefault(a => a.Offer.AssignmentId == session.AssignmentId)));
        }

        return [.. offers];
    }

    /// <summary>The cycle hands requests and offers on in its own turn; wait (bounded) until this one arrived.</summary>
    private static async Task<T> DeliveredAsync<T>(Func<Task<ImmutableArray<T>>> read, Func<ImmutableArray<T>, T?> pick)
        where T : class
    {
        T? found = null;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((found = pick(await read())) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "The cycle did not deliver the request or offer within 60 s.");
            await Task.Delay(50);
        }

        return found;
    }
}
