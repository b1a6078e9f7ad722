using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Demo;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Planning;
using OrleansTraining.Grains.Provinces;
using OrleansTraining.Planner.Cycle;
using Xunit.Abstractions;
using CyclePlan = OrleansTraining.Grains.Cycles.CyclePlan;

namespace OrleansTraining.Grains.Tests;

/// <summary>The planning engine behind ICycleGrain on the demo 2027–2028 cycle: hard rules, determinism, weights, explanations, what-if.</summary>
public sealed partial class EnginePlanningTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Demo_cycle_plan_is_feasible_staffs_every_session_and_keeps_every_hard_rule()
    {
        await using var silo = await SeededAsync();
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(DemoIds.CycleId);

        var clock = Stopwatch.StartNew();
        var result = await cycle.PlanAsync();
        output.WriteLine($"PlanAsync took {clock.ElapsedMilliseconds} ms");

        Assert.Equal(20, result.CoursesPlanned);
        Assert.Equal(0, result.SessionsUnstaffed);
        Assert.Empty(result.Issues);
        var score = await cycle.GetPlanScoreAsync();
        output.WriteLine($"Score {score.Score.Hard} hard, {score.Score.Soft} soft");
        Assert.True(score.Score.Feasible, string.Join("; ", score.Violations.Select(v => v.Description)));
        Assert.Empty(score.Violations);
        Assert.Equal(score.Score.Soft, score.Constraints.Where(c => !c.Hard).Sum(c => c.Cost));
        await AssertHardRulesAsync(silo.GrainFactory, await cycle.GetPlanAsync());
    }

    [Fact]
    public async Task Demo_hosts_go_round_the_regions_and_the_board_can_weigh_the_balance_down()
    {
        await using var silo = await SeededAsync();
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(DemoIds.CycleId);

        await cycle.PlanAsync();
        var balanced = HostsByRegion(await cycle.GetPlanAsync());
        output.WriteLine(string.Join("; ", balanced.Select(r => $"{r.Key} {r.Value}")));
        await cycle.SetPlannerWeightsAsync(new Cycles.PlannerWeights { RegionalBalance = 0 });
        await cycle.PlanAsync();
        var unbalanced = HostsByRegion(await cycle.GetPlanAsync());
        output.WriteLine(string.Join("; ", unbalanced.Select(r => $"{r.Key} {r.Value}")));

        // Each of the six regions hosts, the south included (Southeast, Mekong River Delta, Central Highlands).
        Assert.Equal(6, balanced.Count);
        Assert.Contains(balanced.Keys, r => r is "Southeast" or "Mekong River Delta" or "Central Highlands");
        Assert.True(balanced.Values.Max() < unbalanced.Values.Max(), "without the balance more courses crowd into one region");
        Assert.Equal(0, (await cycle.GetPlanScoreAsync()).Constraints.Single(c => c.Constraint == "RegionalBalance").Cost);
    }

    [Fact]
    public async Task Classes_of_one_series_are_dated_in_their_numbers_order()
    {
        await using var silo = await SeededAsync();
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(DemoIds.CycleId);

        await cycle.PlanAsync();
        var plan = await cycle.GetPlanAsync();

        var series = new List<List<(int Number, DateOnly Start)>>();
        foreach (var group in plan.Courses.Where(c => c.Start is not null).GroupBy(c => ClassNumber().Replace(c.Title, "")))
        {
            var classes = group.Select(c => (Number: int.Parse(ClassNumber().Match(c.Title).Groups[1].Value), Start: c.Start!.Value)).OrderBy(c => c.Number).ToList();
            series.Add(classes);
            Assert.True(classes.Zip(classes.Skip(1)).All(p => p.First.Start <= p.Second.Start), string.Join(", ", classes.Select(c => $"lớp {c.Number} {c.Start}")));
        }

        Assert.Equal([12, 6, 2], series.Select(s => s.Count).OrderDescending().ToArray());
        Assert.True((await cycle.GetPlanScoreAsync()).Score.Feasible);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\(lớp (\d+)\)")]
    private static partial System.Text.RegularExpressions.Regex ClassNumber();

    private static Dictionary<string, int> HostsByRegion(CyclePlan plan) => plan.Courses
        .Where(c => c.HostProvince is not null)
        .GroupBy(c => ProvinceDirectory.Resolve(c.HostProvince)!.Region)
        .ToDictionary(g => g.Key, g => g.Count());

    [Fact]
    public async Task Same_state_gives_the_same_plan_and_other_weights_another()
    {
        await using var silo = await SeededAsync();
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(DemoIds.CycleId);
        await cycle.PlanAsync();
        var first = Describe(await cycle.GetPlanAsync());

        await cycle.PlanAsync();
        Assert.Equal(first, Describe(await cycle.GetPlanAsync()));

        var weights = await cycle.SetPlannerWeightsAsync(new Cycles.PlannerWeights { TraineeTravel = 0, LecturerTravel = 100, HostRotation = 0 });
        Assert.Equal(100, weights.LecturerTravel);
        await cycle.PlanAsync();
        Assert.NotEqual(first, Describe(await cycle.GetPlanAsync()));
        Assert.Equal(100, (await cycle.GetPlanScoreAsync()).Weights.LecturerTravel);
    }

    [Fact]
    public async Task Bad_weights_are_refused_with_the_field()
    {
        await using var silo = await SeededAsync();
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(DemoIds.CycleId);

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => cycle.SetPlannerWeightsAsync(new Cycles.PlannerWeights { FairLoad = -1 }));
        Assert.Equal("weights.fairLoad", error.Field);
    }

    [Fact]
    public async Task Explanations_agree_with_the_score_and_no_alternative_is_better()
    {
        await using var silo = await SeededAsync();
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(DemoIds.CycleId);
        await cycle.PlanAsync();
        var plan = await cycle.GetPlanAsync();
        var score = (await cycle.GetPlanScoreAsync()).Score;
        var course = plan.Courses[0];
        var session = course.Sessions[0];

        var why = await cycle.ExplainSessionAsync(course.Id, session.SessionId);

        Assert.Equal(session.LecturerId, why.Current);
        Assert.Equal(score, why.Score);
        Assert.NotEmpty(why.Alternatives);
        Assert.All(why.Alternatives, a => Assert.True(a.Difference.Hard > 0 || (a.Difference.Hard == 0 && a.Difference.Soft >= 0), $"{a.Option} is better: {a.Difference}"));
        Assert.All(why.Alternatives, a => Assert.True(a.Difference.Soft == a.Changes.Where(c => IsSoft(c.Constraint)).Sum(c => c.Difference), $"{a.Option} {a.Difference} vs {string.Join(",", a.Changes)}"));

        var host = await cycle.ExplainCourseAsync(course.Id);
        Assert.Contains(course.HostProvince!, host.Current);
        Assert.Equal(score, host.Score);
        Assert.All(host.Alternatives, a => Assert.Equal(score.Hard + a.Difference.Hard, a.Score.Hard));

        await Assert.ThrowsAsync<NotFoundException>(() => cycle.ExplainSessionAsync(course.Id, "s99"));
        await Assert.ThrowsAsync<NotFoundException>(() => cycle.ExplainCourseAsync("2027-2028-c99"));
    }

    [Fact]
    public async Task A_variant_without_a_lecturer_gives_their_sessions_to_others_and_lists_what_moved()
    {
        await using var silo = await SeededAsync();
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(DemoIds.CycleId);
        await cycle.PlanAsync();
        var plan = await cycle.GetPlanAsync();
        var removed = plan.Courses[0].Sessions[0].LecturerId!;
        var theirs = plan.Courses.SelectMany(c => c.Sessions.Where(s => s.LecturerId == removed).Select(s => $"{c.Id}/{s.SessionId}")).ToHashSet();

        var saved = await cycle.SaveVariantAsync("without-" + removed, new VariantSpec(null, removed, null, []));
        var comparison = await cycle.CompareVariantAsync(saved.Name);

        Assert.Equal(saved.Name, Assert.Single(await cycle.GetVariantsAsync()).Name);
        Assert.True(saved.Score.Feasible);
        var lecturerMoves = comparison.Moves.Where(m => m.Kind == "Lecturer").ToList();
        Assert.All(theirs, id => Assert.Contains(lecturerMoves, m => m.EntityId == id && m.Current == removed && m.Variant != removed));
        Assert.DoesNotContain(comparison.Moves, m => m.Variant == removed);
        Assert.Equal((await cycle.GetPlanScoreAsync()).Score, comparison.Current);
        Assert.Equal(comparison.Variant.Soft - comparison.Current.Soft, comparison.Constraints.Where(c => IsSoft(c.Constraint)).Sum(c => c.Difference));

        await Assert.ThrowsAsync<NotFoundException>(() => cycle.CompareVariantAsync("no-such-variant"));
        await Assert.ThrowsAsync<NotFoundException>(() => cycle.SaveVariantAsync("ghost", new VariantSpec(null, "no-such-lecturer", null, [])));
        await Assert.ThrowsAsync<DomainValidationException>(() => cycle.SaveVariantAsync("Not A Slug", new VariantSpec(null, null, null, [])));
    }

    [Fact]
    public async Task A_variant_with_a_host_unavailable_moves_its_courses_elsewhere()
    {
        await using var silo = await SeededAsync();
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(DemoIds.CycleId);
        await cycle.PlanAsync();
        var course = (await cycle.GetPlanAsync()).Courses[0];

        await cycle.SaveVariantAsync("no-host", new VariantSpec(null, null, course.HostProvince, []));
        var comparison = await cycle.CompareVariantAsync("no-host");

        Assert.Contains(comparison.Moves, m => m.Kind == "Host" && m.EntityId == course.Id && m.Current == course.HostProvince);
        Assert.DoesNotContain(comparison.Moves, m => m.Kind == "Host" && m.Variant == course.HostProvince);
    }

    [Fact]
    public async Task A_declined_offer_is_repaired_with_few_moves_and_the_plan_stays_feasible()
    {
        await using var silo = await SeededAsync();
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(DemoIds.CycleId);
        await cycle.PlanAsync();
        await cycle.PublishAsync();
        var course = (await cycle.GetPlanAsync()).Courses[3];
        var session = course.Sessions[2];
        var lecturer = silo.GrainFactory.GetGrain<ILecturerGrain>(session.LecturerId!);

        var clock = Stopwatch.StartNew();
        await lecturer.DeclineAsync(session.AssignmentId!, "Trùng lịch công tác");
        await Until.DeliveredAsync(lecturer);
        output.WriteLine($"Decline answered in {clock.ElapsedMilliseconds} ms");

        var after = (await cycle.GetPlanAsync()).Courses[3].Sessions[2];
        Assert.NotNull(after.LecturerId);
        Assert.NotEqual(session.LecturerId, after.LecturerId);
        Assert.Equal(StaffingStatus.Offered, after.Staffing);
        var withdrawn = 0;
        foreach (var id in DemoIds.LecturerIds)
        {
            withdrawn += (await silo.GrainFactory.GetGrain<ILecturerGrain>(id).GetAssignmentsAsync()).Count(a => a.Status == AssignmentStatus.Withdrawn);
        }

        Assert.InRange(withdrawn, 0, 3); // other sessions that gave their lecturer up for the repair
        var score = await cycle.GetPlanScoreAsync();
        Assert.True(score.Score.Feasible, string.Join("; ", score.Violations.Select(v => v.Description)));
    }

    [Fact]
    public async Task What_cannot_be_placed_or_staffed_is_left_open_with_the_reason()
    {
        await using var silo = await GrainWorld.StartAsync();
        await GrainWorld.BuildSmallWorldAsync(silo.GrainFactory);
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey);
        var tooBig = await cycle.AddCourseAsync(GrainWorld.SmallCourse("Lớp quá đông", capacity: 500));
        var nobodyTeaches = await cycle.AddCourseAsync(GrainWorld.SmallCourse("Lớp chuyên đề lạ") with
        {
            Topics = [new(Curricula.CurriculumCatalog.CadreEvaluation, TeachingMethod.Lecture), new(Curricula.CurriculumCatalog.Grassroots, TeachingMethod.Lecture)],
        });

        var result = await cycle.PlanAsync();

        var unhosted = Assert.Single(result.Issues, i => i.CourseId == tooBig.Id);
        Assert.Null(unhosted.SessionId);
        Assert.Contains("500", unhosted.Reason); // the small world's venues seat 100
        var unstaffed = Assert.Single(result.Issues, i => i.CourseId == nobodyTeaches.Id);
        Assert.Equal("s02", unstaffed.SessionId);
        Assert.Contains("no lecturer", unstaffed.Reason);
        var plan = await cycle.GetPlanAsync();
        Assert.Equal(CourseStatus.Proposed, plan.Courses.Single(c => c.Id == tooBig.Id).Status);
        var open = plan.Courses.Single(c => c.Id == nobodyTeaches.Id).Sessions.Single(s => s.SessionId == "s02");
        Assert.Null(open.LecturerId);
        Assert.Equal(StaffingStatus.Unstaffed, open.Staffing);
        Assert.Equal(2, result.CoursesPlanned);
    }

    private static bool IsSoft(string constraint) => !Enum.Parse<CycleConstraint>(constraint).IsHard();

    private static async Task<GrainCluster> SeededAsync()
    {
        var silo = await GrainWorld.StartAsync();
        await new DemoDataSeeder(NullLogger<DemoDataSeeder>.Instance).SeedAsync(silo.GrainFactory, CancellationToken.None);
        return silo;
    }

    private static string Describe(CyclePlan plan) => string.Join(
        "\n",
        plan.Courses.Select(c => $"{c.Id} {c.HostProvince} {c.Start} " + string.Join(",", c.Sessions.Select(s => $"{s.TopicCode}@{s.Date}{s.Slot}={s.LecturerId}"))));

    /// <summary>The grain's own hard rules, checked independently of the engine's scorer.</summary>
    private static async Task AssertHardRulesAsync(IGrainFactory grains, CyclePlan plan)
    {
        var provinces = new Dictionary<string, ProvinceView>();
        foreach (var code in ProvinceDirectory.Codes)
        {
            provinces[code] = await grains.GetGrain<IProvinceGrain>(code).GetAsync();
        }

        var lecturers = new Dictionary<string, LecturerView>();
        foreach (var id in DemoIds.LecturerIds)
        {
            lecturers[id] = await grains.GetGrain<ILecturerGrain>(id).GetAsync();
        }

        var cycle = await grains.GetGrain<ICycleGrain>(plan.CycleId).GetAsync();
        var bookings = new Dictionary<string, List<Booking>>();
        foreach (var course in plan.Courses)
        {
            Assert.Equal(CourseStatus.Planned, course.Status);
            var host = provinces[course.HostProvince!];
            Assert.True(host.VenueCapacity >= course.Capacity, $"{course.Id}: venue too small");
            Assert.DoesNotContain(host.UnavailableDates, d => d >= course.Start && d <= course.End);
            foreach (var session in course.Sessions.OrderBy(s => s.Date).ThenBy(s => s.Slot))
            {
                Assert.True(TrainingCalendar.IsTeachingDay(session.Date), $"{course.Id}: {session.Date} is not a teaching day");
                Assert.InRange(session.Date, cycle.Start, cycle.End);
                var lecturer = lecturers[session.LecturerId!];
                Assert.Contains(session.TopicCode, lecturer.QualifiedTopics);
            }
        }

        // The lecturer grain's calendar (a travel day between provinces) in date order, as accepting would check it.
        foreach (var (course, session) in plan.Courses.SelectMany(c => c.Sessions.Select(s => (c, s))).OrderBy(x => x.s.Date).ThenBy(x => x.s.Slot))
        {
            var lecturer = lecturers[session.LecturerId!];
            var booking = new Booking(session.Date, session.Slot, course.HostProvince!);
            var mine = bookings.TryGetValue(lecturer.Id, out var list) ? list : bookings[lecturer.Id] = [];
            var clash = LecturerCalendar.Check(booking, mine, lecturer.UnavailableDates, mine.Count, lecturer.MaxSessionsPerCycle);
            Assert.True(clash is null, $"{lecturer.Id} on {session.Date} {session.Slot}: {clash?.Message}");
            mine.Add(booking);
        }

        var overlapping = plan.Courses.GroupBy(c => c.HostProvince)
            .SelectMany(g => g.SelectMany(a => g.Where(b => a != b && a.Start <= b.End && b.Start <= a.End)));
        Assert.Empty(overlapping);
    }
}
