using Microsoft.Extensions.Logging.Abstractions;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Curricula;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Demo;
using OrleansTraining.Grains.FieldTrips;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Provinces;
using OrleansTraining.Grains.Registry;

namespace OrleansTraining.Grains.Tests;

public sealed class DemoSeedingTests
{
    [Fact]
    public async Task Seeding_loads_provinces_curricula_lecturers_history_and_a_cycle_ready_to_plan()
    {
        await using var silo = await GrainWorld.StartAsync();
        var grains = silo.GrainFactory;
        Assert.False(await DemoDataSeeder.HasDataAsync(grains));

        await new DemoDataSeeder(NullLogger<DemoDataSeeder>.Instance).SeedAsync(grains, CancellationToken.None);

        Assert.True(await DemoDataSeeder.HasDataAsync(grains));
        var registry = await grains.GetGrain<IRegistryGrain>(IRegistryGrain.Key).GetAsync();
        Assert.Equal(DemoIds.LecturerIds.ToArray(), registry.LecturerIds.ToArray());
        Assert.Equal([DemoIds.HistoricalCycleId, DemoIds.CycleId], registry.CycleIds.ToArray());
        Assert.Equal([DemoIds.FieldTrip2005Id], registry.FieldTripIds.ToArray());
        Assert.Equal(7, (await grains.GetGrain<ICurriculumGrain>("2012").GetAsync()).Topics.Length);
        Assert.Equal(10, (await grains.GetGrain<ICurriculumGrain>("2027").GetAsync()).Topics.Length);
        var canTho = await grains.GetGrain<IProvinceGrain>("can-tho").GetAsync();
        Assert.Equal(["Sóc Trăng", "Hậu Giang"], canTho.AbsorbedVi.ToArray());
        Assert.Equal(150, canTho.VenueCapacity);

        var lecturer = await grains.GetGrain<ILecturerGrain>("l19").GetAsync();
        Assert.Equal("Vụ Bảo vệ chính trị nội bộ", lecturer.Department);
        Assert.Equal([CurriculumCatalog.InternalProtection], lecturer.QualifiedTopics.ToArray());

        var course2012 = await grains.GetGrain<ICourseGrain>(DemoIds.Course2012Id).GetAsync();
        Assert.Equal(CourseStatus.Reported, course2012.Status);
        Assert.Equal(7, course2012.Sessions.Length);
        Assert.Contains(course2012.Trainees, t => t.ProvinceCode == "can-tho"); // nominated as "Sóc Trăng"
        Assert.DoesNotContain(course2012.Trainees, t => t.ProvinceCode == "ca-mau");
        var report2012 = await grains.GetGrain<ICycleGrain>(DemoIds.HistoricalCycleId).GetReportAsync();
        Assert.Equal(CycleStatus.Closed, report2012.Status);
        Assert.Equal(1, report2012.CoursesHeld);
        Assert.Equal(DemoCourses.SentNobodyIn2012.Order().ToArray(), report2012.ProvincesThatSentNobody.Order().ToArray());
        Assert.Equal(60, report2012.TraineesAttended);
        Assert.Equal(7, report2012.EvaluationByTopic.Length);

        var trip = await grains.GetGrain<IFieldTripGrain>(DemoIds.FieldTrip2005Id).GetAsync();
        Assert.Equal("trip 3 of 4", trip.Label);
        Assert.Equal(new DateOnly(2005, 11, 5), trip.Start);
        Assert.Equal(new DateOnly(2005, 11, 14), trip.End);
        Assert.Equal(["ho-chi-minh", "can-tho", "lam-dong", "da-nang"], trip.Stops.Select(s => s.ProvinceCode).ToArray());
        Assert.Equal(2, trip.Stops[1].Sessions);
        Assert.Equal(75, trip.ParticipantCount);
        Assert.Equal(37, trip.ParticipantProvinceCount);
        Assert.Contains(DemoCourses.Academy, trip.CoOrganisers);
        Assert.All(trip.Stops, s => Assert.Equal(StopStatus.Confirmed, s.Status));

        var cycle = await grains.GetGrain<ICycleGrain>(DemoIds.CycleId).GetAsync();
        Assert.Equal(CycleStatus.Draft, cycle.Status);
        Assert.Equal(20, cycle.CourseIds.Length);
    }

    [Fact]
    public async Task The_demo_cycle_plans_fully_and_publishes()
    {
        await using var silo = await GrainWorld.StartAsync();
        await new DemoDataSeeder(NullLogger<DemoDataSeeder>.Instance).SeedAsync(silo.GrainFactory, CancellationToken.None);
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(DemoIds.CycleId);

        var result = await cycle.PlanAsync();

        Assert.Equal(20, result.CoursesPlanned);
        Assert.Equal(200, result.SessionsStaffed);
        Assert.Empty(result.Issues);
        var plan = await cycle.GetPlanAsync();
        Assert.DoesNotContain(plan.Courses, c => DemoProvinces.PreviousCycleHosts.Any(h => h.Code == c.HostProvince));

        await cycle.PublishAsync();
        var requests = await silo.GrainFactory.GetGrain<IProvinceGrain>(plan.Courses[0].HostProvince!).GetHostingRequestsAsync();
        Assert.Contains(requests, r => r.Request.CourseId == plan.Courses[0].Id);
    }

    [Fact]
    public async Task Seeding_twice_leaves_the_data_as_it_was()
    {
        await using var silo = await GrainWorld.StartAsync();
        var seeder = new DemoDataSeeder(NullLogger<DemoDataSeeder>.Instance);
        await seeder.SeedAsync(silo.GrainFactory, CancellationToken.None);
        await silo.GrainFactory.GetGrain<ICycleGrain>(DemoIds.CycleId).PlanAsync();

        await seeder.SeedAsync(silo.GrainFactory, CancellationToken.None);

        Assert.Equal(CycleStatus.Planned, (await silo.GrainFactory.GetGrain<ICycleGrain>(DemoIds.CycleId).GetAsync()).Status);
    }
}
