using OrleansTraining.Planner.Itc2007;
using OrleansTraining.Planner.Search;

namespace OrleansTraining.Planner.Tests.Itc2007;

/// <summary>
/// The compactness and working-days Kempe chains (<see cref="Itc2007MoveMix.Compact"/>, <see cref="Itc2007MoveMix.Spread"/>):
/// exact incremental cost and undo, never a new clash, and each applied move does what it is for.
/// </summary>
public sealed class TargetedMoveTests
{
    private static readonly Itc2007MoveMix CompactOnly = new(RoomOnly: 0, Kempe: 0, CourseRoom: 0, Compact: 1);
    private static readonly Itc2007MoveMix SpreadOnly = new(RoomOnly: 0, Kempe: 0, CourseRoom: 0, Spread: 1);

    [Theory]
    [InlineData("comp01.ctt", 0.5, 0.5, 200)]
    [InlineData("comp03.ctt", 1.0, 0.0, 500)]
    // Few courses of comp07 are short of their working days, and the kept chains soon leave none.
    [InlineData("comp07.ctt", 0.0, 1.0, 50)]
    public void Undoing_a_targeted_chain_restores_the_timetable_and_its_cost_and_no_chain_adds_a_clash(string file, double compact, double spread, int minimumUndone)
    {
        var timetable = new Itc2007Timetable(Itc2007Parser.Parse(Instances.Read(file)))
        {
            Moves = new Itc2007MoveMix(RoomOnly: 0, Kempe: 0, CourseRoom: 0, Compact: compact, Spread: spread),
        };
        timetable.Construct(seed: 3);
        var random = new SplitMix64(17);
        int applied = 0, undone = 0;

        for (var i = 0; i < 20_000; i++)
        {
            var before = timetable.Score;
            var solution = timetable.ToSolution().ToCompetitionFormat();
            if (!timetable.TryApplyRandomMove(random, out var delta))
                continue;
            applied++;
            Assert.Equal(before + delta, timetable.Score);
            Assert.True(delta.Hard <= 0, $"a chain added {delta.Hard} clashes");
            if (random.Next(2) == 0)
                continue;
            timetable.UndoLastMove();
            undone++;
            Assert.Equal(before, timetable.Score);
            Assert.Equal(solution, timetable.ToSolution().ToCompetitionFormat());
        }

        // Rebuilding every counter from the placements gives the same cost as the increments did.
        var score = timetable.Score;
        timetable.SaveBest();
        timetable.RestoreBest();
        Assert.Equal(score, timetable.Score);
        Assert.True(undone >= minimumUndone, $"only {applied} chains applied, {undone} undone");
    }

    [Theory]
    [InlineData("comp03.ctt")]
    [InlineData("comp14.ctt")]
    public void A_compactness_chain_puts_a_moved_lecture_next_to_a_lecture_of_its_curriculum(string file)
    {
        var instance = Itc2007Parser.Parse(Instances.Read(file));
        var timetable = new Itc2007Timetable(instance) { Moves = CompactOnly };
        timetable.Construct(seed: 5);
        var random = new SplitMix64(23);
        var applied = 0;

        for (var i = 0; i < 3_000; i++)
        {
            var before = timetable.ToSolution().Placements;
            if (!timetable.TryApplyRandomMove(random, out _))
                continue;
            applied++;
            var after = timetable.ToSolution().Placements;
            var moved = Enumerable.Range(0, after.Length).Where(l => after[l].Period != before[l].Period).ToList();
            Assert.NotEmpty(moved);
            Assert.Contains(moved, l => HasCurriculumNeighbour(instance, after, l));
            timetable.UndoLastMove();
        }

        Assert.True(applied > 300, $"only {applied} chains applied");
    }

    [Fact]
    public void A_working_days_chain_gives_a_course_short_of_its_minimum_one_more_day()
    {
        var instance = Itc2007Parser.Parse(Instances.Read("comp07.ctt"));
        var timetable = new Itc2007Timetable(instance) { Moves = SpreadOnly };
        timetable.Construct(seed: 5);
        var random = new SplitMix64(29);
        var applied = 0;

        for (var i = 0; i < 3_000; i++)
        {
            var before = Days(instance, timetable.ToSolution());
            if (!timetable.TryApplyRandomMove(random, out _))
                continue;
            applied++;
            var after = Days(instance, timetable.ToSolution());
            Assert.Contains(Enumerable.Range(0, instance.Courses.Length),
                c => before[c] < instance.Courses[c].MinWorkingDays && after[c] == before[c] + 1);
            timetable.UndoLastMove();
        }

        Assert.True(applied > 100, $"only {applied} chains applied");
    }

    [Fact]
    public void The_targeted_chains_keep_the_solver_deterministic_and_its_cost_exact()
    {
        var text = Instances.Read("comp03.ctt");
        var settings = Itc2007SolverSettings.Default with { Moves = Itc2007MoveMix.Default with { Compact = 0.2, Spread = 0.05 } };
        var options = new SearchOptions { Seed = 9, MaxIterations = 300_000 };

        var first = Itc2007Solver.Solve(Itc2007Parser.Parse(text), options, default, null, settings);
        var second = Itc2007Solver.Solve(Itc2007Parser.Parse(text), options, default, null, settings);

        Assert.Equal(first.Solution.ToCompetitionFormat(), second.Solution.ToCompetitionFormat());
        var check = Itc2007Checker.Check(text, first.Solution.ToCompetitionFormat());
        Assert.Equal(0, check.Violations);
        Assert.Equal(first.Search.Best.Soft, check.Cost);
    }

    private static bool HasCurriculumNeighbour(Itc2007Instance instance, IReadOnlyList<Itc2007Placement> placements, int lecture)
    {
        var (course, period) = (placements[lecture].Course, placements[lecture].Period);
        var day = period / instance.PeriodsPerDay;
        var curricula = instance.Curricula.Where(q => q.Courses.Contains(course)).ToList();
        return placements.Any(p =>
            Math.Abs(p.Period - period) == 1 && p.Period / instance.PeriodsPerDay == day
            && curricula.Any(q => q.Courses.Contains(p.Course)));
    }

    private static int[] Days(Itc2007Instance instance, Itc2007Solution solution)
    {
        var days = new HashSet<int>[instance.Courses.Length];
        for (var c = 0; c < days.Length; c++)
            days[c] = [];
        foreach (var p in solution.Placements)
            days[p.Course].Add(p.Period / instance.PeriodsPerDay);
        return days.Select(d => d.Count).ToArray();
    }
}
