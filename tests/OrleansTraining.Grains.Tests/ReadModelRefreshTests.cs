using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Cycles;

namespace OrleansTraining.Grains.Tests;

/// <summary>
/// A course whose node dies between storing a change and publishing its view leaves the board's read model behind.
/// The cycle reads such a course again once its view is older than <see cref="ReadModelOptions.RefreshAfter"/>, and a
/// re-read never replaces a view the course published meanwhile.
/// </summary>
public sealed class ReadModelRefreshTests
{
    [Fact]
    public async Task A_change_whose_view_never_reached_the_model_reaches_the_board_after_the_refresh_time()
    {
        var lost = LosePublishedViews.Register();
        await using var silo = await GrainCluster.StartAsync(configure: builder =>
        {
            builder.AddSiloBuilderConfigurator<LosePublishedViews>();
            builder.AddSiloBuilderConfigurator<RefreshAfterTenMinutes>();
        });
        var (_, _, cycle) = await GrainWorld.PublishedSmallWorldAsync(silo.GrainFactory);
        var course = silo.GrainFactory.GetGrain<ICourseGrain>((await cycle.GetAsync()).CourseIds.Single());
        await cycle.GetPlanAsync();

        // The course stores the nominations and "publishes" its view, which never arrives, as if its node died.
        lost.Lose = true;
        await course.NominateAsync(new NominationRequest("hue", GrainWorld.Trainees(2)));
        Assert.True(lost.Lost > 0);
        var stored = await course.GetAsync();
        Assert.Equal(2, stored.Trainees.Length);

        var before = await cycle.GetPlanAsync();
        Assert.Empty(before.Courses.Single().Trainees); // within the refresh time the board sees the last view published

        await silo.AdvanceAsync(TimeSpan.FromMinutes(11));
        var after = await cycle.GetPlanAsync();
        Assert.Equal(JsonSerializer.Serialize(await course.GetAsync()), JsonSerializer.Serialize(after.Courses.Single()));
        Assert.Equal(2, (await cycle.GetReportAsync()).TraineesNominated);
        var model = await silo.GrainFactory.GetGrain<ICycleReadModelGrain>(GrainWorld.CycleKey).GetAsync();
        Assert.Equal(2, model.Courses[stored.Id].Trainees.Length); // taken into the model, not only answered once
    }

    [Fact]
    public async Task A_re_read_never_replaces_a_view_the_course_published_after_the_cycle_looked()
    {
        await using var silo = await GrainCluster.StartAsync(silos: 1);
        var model = silo.GrainFactory.GetGrain<ICycleReadModelGrain>($"2027-2028-{GrainWorld.Suffix()}");
        var older = View("c-1", "older");
        var newer = View("c-1", "newer");

        await model.RefreshCourseAsync(older, seenRevision: 0); // none held: taken
        var seen = (await model.GetAsync()).RevisionOf("c-1");
        Assert.NotEqual(0, seen);

        await model.PublishCourseAsync(newer);
        await model.RefreshCourseAsync(older, seen); // read before that publish: dropped
        var held = await model.GetAsync();
        Assert.Equal("newer", held.Courses["c-1"].Title);
        Assert.True(held.RevisionOf("c-1") > seen);

        await model.RefreshCourseAsync(View("c-1", "re-read"), held.RevisionOf("c-1")); // nothing published since: taken
        Assert.Equal("re-read", (await model.GetAsync()).Courses["c-1"].Title);
        await model.RefreshCourseAsync(View("c-2", "absent"), seenRevision: 5); // the cycle saw an entry this model never had
        Assert.False((await model.GetAsync()).Courses.ContainsKey("c-2"));
    }

    private static CourseView View(string id, string title) => new(
        id, "2027-2028", "v1", title, new CourseAudience([], []), 50, 2, [], CourseStatus.Proposed, null, null, null, null, null,
        [], [], [], null, false, [], [], [], null, false, null);
}

/// <summary>While <see cref="Lose"/> is set, a course's published view never reaches the read model.</summary>
public sealed class LosePublishedViews : ISiloConfigurator, IIncomingGrainCallFilter
{
    private static LosePublishedViews? _current;
    private int _lost;

    public volatile bool Lose;

    public int Lost => Volatile.Read(ref _lost);

    public static LosePublishedViews Register() => _current = new LosePublishedViews();

    public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddIncomingGrainCallFilter(_current!);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (Lose && context.Grain is ICycleReadModelGrain && context.InterfaceMethod?.Name == nameof(ICycleReadModelGrain.PublishCourseAsync))
        {
            Interlocked.Increment(ref _lost);
            return Task.CompletedTask; // answered, not applied: the course believes it published
        }

        return context.Invoke();
    }
}

/// <summary>The read model's refresh time well above what a test takes on the creeping test clock.</summary>
public sealed class RefreshAfterTenMinutes : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder) =>
        siloBuilder.Services.Configure<ReadModelOptions>(options => options.RefreshAfter = TimeSpan.FromMinutes(10));
}
