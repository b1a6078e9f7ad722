using OrleansTraining.Planner.Itc2007;
using OrleansTraining.Planner.Search;

namespace OrleansTraining.Planner.Tests.Itc2007;

public sealed class Itc2007SolverTests
{
    private static SearchOptions Iterations(long count, long seed = 7) =>
        new() { Seed = seed, MaxIterations = count, InitialTemperature = 3, FinalTemperature = 0.1, HardWeight = 100 };

    [Fact]
    public void Parser_reads_the_header_and_sections()
    {
        var instance = Itc2007Parser.Parse(Instances.Read("comp01.ctt"));

        Assert.Equal("Fis0506-1", instance.Name);
        Assert.Equal(30, instance.Courses.Length);
        Assert.Equal(6, instance.Rooms.Length);
        Assert.Equal(30, instance.Periods);
        Assert.Equal(14, instance.Curricula.Length);
        Assert.Equal(53, instance.Unavailability.Length);
        Assert.Equal(160, instance.TotalLectures);
    }

    [Fact]
    public void Solver_finds_the_optimum_of_the_tiny_instance()
    {
        var text = Instances.Read("tiny.ctt");
        var result = Itc2007Solver.Solve(Itc2007Parser.Parse(text), Iterations(200_000));

        var check = Itc2007Checker.Check(text, result.Solution.ToCompetitionFormat());
        Assert.Equal(0, check.Violations);
        Assert.Equal(0, check.Cost);
    }

    [Theory]
    [InlineData("comp01.ctt")]
    [InlineData("comp05.ctt")]
    public void Independent_checker_agrees_with_the_solver_and_finds_no_violation(string file)
    {
        var text = Instances.Read(file);
        var result = Itc2007Solver.Solve(Itc2007Parser.Parse(text), Iterations(1_000_000));

        var check = Itc2007Checker.Check(text, result.Solution.ToCompetitionFormat());
        Assert.Equal(0, check.Violations);
        Assert.Equal(0, result.Search.Best.Hard);
        Assert.Equal(result.Search.Best.Soft, check.Cost);
    }

    [Theory]
    [InlineData("comp01.ctt")]
    [InlineData("comp05.ctt")]
    [InlineData("comp12.ctt")]
    public void Kempe_chains_and_room_stability_moves_keep_the_incremental_cost_exact(string file)
    {
        var text = Instances.Read(file);
        var settings = Itc2007SolverSettings.Default with { Moves = new Itc2007MoveMix(RoomOnly: 0.2, Kempe: 0.3, CourseRoom: 0.2) };

        var result = Itc2007Solver.Solve(Itc2007Parser.Parse(text), Iterations(400_000), default, null, settings);

        var check = Itc2007Checker.Check(text, result.Solution.ToCompetitionFormat());
        Assert.Equal(result.Search.Best.Hard, check.Violations);
        Assert.Equal(result.Search.Best.Soft, check.Cost);
    }

    [Theory]
    [InlineData("comp01.ctt")]
    [InlineData("comp07.ctt")]
    public void Undoing_any_move_restores_the_timetable_and_its_cost_exactly(string file)
    {
        var timetable = new Itc2007Timetable(Itc2007Parser.Parse(Instances.Read(file))) { Moves = new Itc2007MoveMix(RoomOnly: 0.2, Kempe: 0.3, CourseRoom: 0.2) };
        timetable.Construct(seed: 3);
        var random = new SplitMix64(11);
        var undone = 0;

        for (var i = 0; i < 20_000; i++)
        {
            var before = timetable.Score;
            var solution = timetable.ToSolution().ToCompetitionFormat();
            if (!timetable.TryApplyRandomMove(random, out var delta))
                continue;
            Assert.Equal(before + delta, timetable.Score);
            if (random.Next(2) == 0)
                continue;
            timetable.UndoLastMove();
            undone++;
            Assert.Equal(before, timetable.Score);
            Assert.Equal(solution, timetable.ToSolution().ToCompetitionFormat());
        }

        // Taking every lecture out and putting it back recomputes the cost from the counters the undos left.
        var score = timetable.Score;
        timetable.SaveBest();
        timetable.RestoreBest();
        Assert.True(undone > 1_000);
        Assert.Equal(score, timetable.Score);
    }

    [Fact]
    public void Same_seed_and_iteration_limit_give_the_same_timetable()
    {
        var instance = Itc2007Parser.Parse(Instances.Read("comp01.ctt"));

        var first = Itc2007Solver.Solve(instance, Iterations(300_000, seed: 42)).Solution.ToCompetitionFormat();
        var second = Itc2007Solver.Solve(instance, Iterations(300_000, seed: 42)).Solution.ToCompetitionFormat();
        var other = Itc2007Solver.Solve(instance, Iterations(300_000, seed: 43)).Solution.ToCompetitionFormat();

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Theory]
    [InlineData("comp01.ctt")]
    [InlineData("comp07.ctt")]
    public void Staged_anneals_use_the_whole_budget_deterministically_and_keep_the_cost_exact(string file)
    {
        var text = Instances.Read(file);
        var settings = Itc2007SolverSettings.Default with { AnnealShares = [0.25, 0.25], ReheatFactor = 0.5 };
        var options = Iterations(300_000, seed: 5) with { InitialTemperature = 0, FinalTemperature = 0, HardWeight = 1000 };
        var reports = new List<SearchProgress>();

        var first = Itc2007Solver.Solve(Itc2007Parser.Parse(text), options with { ProgressInterval = TimeSpan.Zero }, default, new ListProgress(reports), settings);
        var second = Itc2007Solver.Solve(Itc2007Parser.Parse(text), options, default, null, settings);

        Assert.Equal(300_000, first.Search.Iterations);
        Assert.Equal(first.Solution.ToCompetitionFormat(), second.Solution.ToCompetitionFormat());
        var check = Itc2007Checker.Check(text, first.Solution.ToCompetitionFormat());
        Assert.Equal(0, check.Violations);
        Assert.Equal(first.Search.Best.Soft, check.Cost);
        // A later anneal starts from the best timetable, so the best reported never gets worse from one anneal to the next.
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.Second.Best <= p.First.Best));
        Assert.Equal(first.Search.Best, reports[^1].Best);
    }

    [Fact]
    public void Automatic_temperature_is_deterministic_and_scaled_to_the_instance()
    {
        var text = Instances.Read("comp05.ctt");
        var options = Iterations(400_000, seed: 3) with { InitialTemperature = 0, FinalTemperature = 0 };

        var first = Itc2007Solver.Solve(Itc2007Parser.Parse(text), options);
        var second = Itc2007Solver.Solve(Itc2007Parser.Parse(text), options);

        Assert.True(first.InitialTemperature >= 1);
        Assert.Equal(first.Solution.ToCompetitionFormat(), second.Solution.ToCompetitionFormat());
        Assert.Equal(first.Search.Best.Soft, Itc2007Checker.Check(text, first.Solution.ToCompetitionFormat()).Cost);
    }

    [Fact]
    public void Cancellation_stops_the_search_and_returns_the_best_so_far()
    {
        var instance = Itc2007Parser.Parse(Instances.Read("comp01.ctt"));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var result = Itc2007Solver.Solve(instance, Iterations(long.MaxValue), cancelled.Token);

        Assert.Equal(SearchStopReason.Cancelled, result.Search.StopReason);
        Assert.Equal(160, result.Solution.Placements.Length);
    }

    [Fact]
    public void Progress_reports_the_best_score()
    {
        var instance = Itc2007Parser.Parse(Instances.Read("comp01.ctt"));
        var reports = new List<SearchProgress>();

        var result = Itc2007Solver.Solve(instance, Iterations(100_000) with { ProgressInterval = TimeSpan.Zero }, default, new ListProgress(reports));

        Assert.NotEmpty(reports);
        Assert.Equal(result.Search.Best, reports[^1].Best);
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.Second.Best <= p.First.Best));
    }

    private sealed class ListProgress(List<SearchProgress> reports) : IProgress<SearchProgress>
    {
        public void Report(SearchProgress value) => reports.Add(value);
    }
}
