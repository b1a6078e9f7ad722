using OrleansTraining.Planner.Search;

namespace OrleansTraining.Planner.Tests.Search;

public sealed class SimulatedAnnealingTests
{
    /// <summary>Values 0..9 in cells; hard = cells at 9, soft = sum of the rest. Optimum 0hard/0soft.</summary>
    private sealed class Cells(int count) : ILocalSearchProblem
    {
        private readonly int[] _value = Enumerable.Repeat(9, count).ToArray();
        private int[] _best = [];
        private (int Cell, int Old) _undo;

        public Score Score => new(_value.Count(v => v == 9), _value.Where(v => v != 9).Sum());

        public bool TryApplyRandomMove(SplitMix64 random, out Score delta)
        {
            var before = Score;
            var cell = random.Next(_value.Length);
            _undo = (cell, _value[cell]);
            _value[cell] = random.Next(10);
            delta = Score - before;
            return true;
        }

        public void UndoLastMove() => _value[_undo.Cell] = _undo.Old;
        public void SaveBest() => _best = (int[])_value.Clone();
        public void RestoreBest() => _best.CopyTo(_value, 0);
    }

    [Fact]
    public void Finds_the_optimum_and_stops_at_the_target()
    {
        var problem = new Cells(20);

        var result = new SimulatedAnnealing().Run(problem, new SearchOptions { Seed = 1, MaxIterations = 1_000_000, Target = Score.Zero });

        Assert.Equal(Score.Zero, result.Best);
        Assert.Equal(SearchStopReason.TargetReached, result.StopReason);
        Assert.Equal(Score.Zero, problem.Score);
        Assert.NotNull(result.TimeToFirstFeasible);
    }

    [Fact]
    public void Iteration_limited_runs_repeat_exactly()
    {
        var options = new SearchOptions { Seed = 4, MaxIterations = 500 };

        var a = new SimulatedAnnealing().Run(new Cells(50), options);
        var b = new SimulatedAnnealing().Run(new Cells(50), options);

        Assert.Equal(a.Best, b.Best);
        Assert.Equal(500, a.Iterations);
        Assert.Equal(SearchStopReason.IterationLimit, a.StopReason);
    }

    [Fact]
    public void Stalled_feasible_search_stops_early()
    {
        var result = new SimulatedAnnealing().Run(new Cells(5), new SearchOptions { Seed = 2, MaxIterations = 10_000_000, StallIterations = 1_000, FinalTemperature = 0.01, InitialTemperature = 0.02 });

        Assert.Equal(SearchStopReason.Stalled, result.StopReason);
        Assert.True(result.Iterations < 10_000_000);
    }

    [Fact]
    public void Without_any_budget_the_engine_refuses_to_run()
    {
        Assert.Throws<ArgumentException>(() => new SimulatedAnnealing().Run(new Cells(1), new SearchOptions()));
    }

    [Fact]
    public void Scores_compare_hard_first()
    {
        Assert.True(new Score(0, 1000) < new Score(1, 0));
        Assert.True(new Score(1, 5) < new Score(1, 6));
        Assert.Equal(new Score(1, -2), new Score(3, 4) - new Score(2, 6));
    }
}
