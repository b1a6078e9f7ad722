using Microsoft.Extensions.Time.Testing;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Provinces;
using OrleansTraining.TestKit;

namespace OrleansTraining.Grains.Tests;

public sealed class RestartTests
{
    /// <summary>Both databases; without ConnectionStrings__Postgres (./test.sh sets it) the PostgreSQL case fails, it is never skipped.</summary>
    public static TheoryData<StorageKind> Databases => [StorageKind.Sqlite, StorageKind.Postgres];

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_restart_in_the_middle_of_the_flow_loses_nothing(StorageKind storage)
    {
        var database = await FreshDatabase.CreateAsync(storage);
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 1, 4, 0, 0, 0, TimeSpan.Zero));
        string a, b, requestId, declined;
        await using (var first = await GrainWorld.StartAsync(time, storage, database))
        {
            (a, b) = await GrainWorld.BuildSmallWorldAsync(first.GrainFactory);
            var cycle = first.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey);
            await cycle.PlanAsync();
            await cycle.PublishAsync();
            var lecturer = first.GrainFactory.GetGrain<ILecturerGrain>(a);
            declined = (await lecturer.GetAssignmentsAsync()).Single().Offer.AssignmentId;
            await lecturer.DeclineAsync(declined, "Trùng lịch");
            await Until.DeliveredAsync(lecturer);
            requestId = (await cycle.GetPlanAsync()).Courses.Single().HostingRequestId!;
        }

        await using var second = await GrainWorld.StartAsync(time, storage, database);
        var again = second.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey);
        Assert.Equal(CycleStatus.Published, (await again.GetAsync()).Status);
        var course = (await again.GetPlanAsync()).Courses.Single();
        Assert.All(course.Sessions, s => Assert.Equal(b, s.LecturerId)); // the declined session moved to b before the restart
        Assert.Equal(AssignmentStatus.Declined, (await second.GrainFactory.GetGrain<ILecturerGrain>(a).GetAssignmentsAsync()).Single(x => x.Offer.AssignmentId == declined).Status);

        // The flow continues where it stopped, and the deadlines survived the restart.
        await second.AdvanceAsync(TimeSpan.FromDays(15));
        await Until.Async(() => again.GetEscalationsAsync(false), e => e.Any(x => x.SubjectKey == requestId), "the hosting request escalated after the restart");
        var province = second.GrainFactory.GetGrain<IProvinceGrain>(course.HostProvince!);
        await province.ConfirmHostingAsync(requestId, GrainWorld.Logistics());
        await Until.DeliveredAsync(province);
        Assert.Equal(Courses.CourseStatus.HostConfirmed, (await again.GetPlanAsync()).Courses.Single().Status);
    }
}
