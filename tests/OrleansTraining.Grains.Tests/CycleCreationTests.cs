using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Cycles;

namespace OrleansTraining.Grains.Tests;

/// <summary>A cycle never lists a course that does not exist, and a creation that failed half-way can be retried.</summary>
public sealed class CycleCreationTests
{
    [Fact]
    public async Task Creating_again_after_a_failure_between_the_courses_and_the_cycle_adopts_the_courses_made()
    {
        await using var silo = await GrainWorld.StartAsync();
        await GrainWorld.DefineCurriculumAsync(silo.GrainFactory);
        // What a first attempt left behind when it failed after creating its first course.
        await silo.GrainFactory.GetGrain<ICourseGrain>($"{GrainWorld.CycleKey}-c01").CreateAsync(new NewCourse(GrainWorld.CycleKey, "2027", GrainWorld.SmallCourse("Lớp 1")));

        var cycle = await silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey).CreateAsync(
            new NewCycle(new(2027, 3, 1), new(2028, 11, 30), "2027", [GrainWorld.SmallCourse("Lớp 1"), GrainWorld.SmallCourse("Lớp 2")]));

        Assert.Equal([$"{GrainWorld.CycleKey}-c01", $"{GrainWorld.CycleKey}-c02"], cycle.CourseIds.ToArray());
        var plan = await silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey).GetPlanAsync();
        Assert.Equal(["Lớp 1", "Lớp 2"], plan.Courses.Select(c => c.Title).ToArray());
    }

    [Fact]
    public async Task A_course_of_another_cycle_under_the_same_id_is_not_taken()
    {
        await using var silo = await GrainWorld.StartAsync();
        await GrainWorld.DefineCurriculumAsync(silo.GrainFactory);
        await silo.GrainFactory.GetGrain<ICourseGrain>($"{GrainWorld.CycleKey}-c01").CreateAsync(new NewCourse("someone-else", "2027", GrainWorld.SmallCourse()));

        var error = await Assert.ThrowsAsync<ConflictException>(() => silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey).CreateAsync(
            new NewCycle(new(2027, 3, 1), new(2028, 11, 30), "2027", [GrainWorld.SmallCourse()])));

        Assert.Equal(ConflictRules.AlreadyExists, error.Rule);
        await Assert.ThrowsAsync<NotFoundException>(() => silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey).GetAsync());
    }

    [Fact]
    public async Task A_course_added_to_a_planned_cycle_is_listed_once_it_exists()
    {
        await using var silo = await GrainWorld.StartAsync();
        await GrainWorld.BuildSmallWorldAsync(silo.GrainFactory);
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey);
        await cycle.PlanAsync();

        var added = await cycle.AddCourseAsync(GrainWorld.SmallCourse("Lớp thêm"));

        Assert.Equal($"{GrainWorld.CycleKey}-c02", added.Id);
        Assert.Contains(added.Id, (await cycle.GetAsync()).CourseIds);
        Assert.Equal(CourseStatus.Proposed, (await silo.GrainFactory.GetGrain<ICourseGrain>(added.Id).GetAsync()).Status);
    }
}
