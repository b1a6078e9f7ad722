using Orleans.TestingHost;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.Tests;

/// <summary>
/// A lecturer's, a province's and a course's own reads (the most frequent calls under load, and the board's) never queue
/// behind one of their changes: they answer from the state as last stored while the change is still running.
/// </summary>
public sealed class InterleavedReadTests
{
    [Fact]
    public async Task A_lecturer_answers_reads_while_a_change_of_theirs_is_held_and_shows_it_once_done()
    {
        var hold = HoldChanges.Register(nameof(ILecturerGrain.AddUnavailableDateAsync));
        await using var silo = await GrainCluster.StartAsync(configure: builder => builder.AddSiloBuilderConfigurator<HoldChanges>());
        var lecturer = silo.GrainFactory.GetGrain<ILecturerGrain>($"l-{GrainWorld.Suffix()}");
        await lecturer.CreateAsync(GrainWorld.Lecturer("Nguyễn Văn A", "cadre-work"));
        var day = new DateOnly(2029, 6, 1);

        hold.Close();
        var change = lecturer.AddUnavailableDateAsync(day, "công tác");
        await hold.Held.WaitAsync(GrainCluster.ResponseTimeout);

        // As [ReadOnly] calls these would queue behind the held change and time out.
        var during = await lecturer.GetAsync().WaitAsync(GrainCluster.ResponseTimeout);
        await lecturer.GetAssignmentsAsync().WaitAsync(GrainCluster.ResponseTimeout);
        Assert.DoesNotContain(day, during.UnavailableDates);

        hold.Open();
        await change;
        Assert.Contains(day, (await lecturer.GetAsync()).UnavailableDates);
    }

    [Fact]
    public async Task A_province_answers_reads_while_a_change_of_its_settings_is_held_and_shows_it_once_done()
    {
        var hold = HoldChanges.Register(nameof(IProvinceGrain.ConfigureAsync));
        await using var silo = await GrainCluster.StartAsync(configure: builder => builder.AddSiloBuilderConfigurator<HoldChanges>());
        var province = silo.GrainFactory.GetGrain<IProvinceGrain>("hue");
        var before = await province.GetAsync();
        var capacity = before.VenueCapacity == 77 ? 78 : 77;

        hold.Close();
        var change = province.ConfigureAsync(new ProvinceSettings(capacity, [], 2, []));
        await hold.Held.WaitAsync(GrainCluster.ResponseTimeout);

        var during = await province.GetAsync().WaitAsync(GrainCluster.ResponseTimeout);
        await province.GetHostingRequestsAsync().WaitAsync(GrainCluster.ResponseTimeout);
        Assert.Equal(before.VenueCapacity, during.VenueCapacity);

        hold.Open();
        await change;
        Assert.Equal(capacity, (await province.GetAsync()).VenueCapacity);
    }

    [Fact]
    public async Task A_course_and_the_cycle_plan_answer_while_a_change_of_the_course_is_held_and_show_it_once_done()
    {
        var hold = HoldChanges.Register(nameof(ICourseGrain.MarkMaterialsSentAsync));
        await using var silo = await GrainCluster.StartAsync(configure: builder => builder.AddSiloBuilderConfigurator<HoldChanges>());
        var (_, _, cycle) = await GrainWorld.PublishedSmallWorldAsync(silo.GrainFactory);
        var course = silo.GrainFactory.GetGrain<ICourseGrain>((await cycle.GetAsync()).CourseIds.Single());

        hold.Close();
        var change = course.MarkMaterialsSentAsync(null);
        await hold.Held.WaitAsync(GrainCluster.ResponseTimeout);

        // As [ReadOnly] calls these would queue behind the held change and time out (the plan reads a course it has
        // not yet seen from the course itself).
        var during = await course.GetAsync().WaitAsync(GrainCluster.ResponseTimeout);
        var plan = await cycle.GetPlanAsync().WaitAsync(GrainCluster.ResponseTimeout);
        Assert.Null(during.MaterialsSentOn);
        Assert.Null(plan.Courses.Single().MaterialsSentOn);

        hold.Open();
        await change;
        Assert.NotNull((await course.GetAsync()).MaterialsSentOn);
    }
}

/// <summary>While closed, holds every call of one method inside its grain's turn, as a slow change would.</summary>
public sealed class HoldChanges : HoldCalls<HoldChanges>
{
    private string _method = "";

    public static HoldChanges Register(string method) => Use(new HoldChanges { _method = method });

    protected override bool Holds(IIncomingGrainCallContext context) => context.InterfaceMethod?.Name == _method;
}
