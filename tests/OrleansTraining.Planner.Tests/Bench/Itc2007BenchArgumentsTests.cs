using OrleansTraining.Bench.Itc2007;

namespace OrleansTraining.Planner.Tests.Bench;

public sealed class Itc2007BenchArgumentsTests
{
    [Theory]
    [InlineData("1-5", new long[] { 1, 2, 3, 4, 5 })]
    [InlineData("7", new long[] { 7 })]
    [InlineData("1,3,9", new long[] { 1, 3, 9 })]
    [InlineData("1-3,7,2", new long[] { 1, 2, 3, 7 })]
    public void Seeds_accept_ranges_and_lists(string text, long[] expected) =>
        Assert.Equal(expected, Itc2007Arguments.ParseSeeds(text));

    [Theory]
    [InlineData("5-1")]
    [InlineData("")]
    [InlineData("a-b")]
    public void Bad_seeds_are_refused(string text) =>
        Assert.ThrowsAny<FormatException>(() => Itc2007Arguments.ParseSeeds(text));

    [Fact]
    public void All_expands_to_the_fourteen_instances_and_options_are_read()
    {
        var args = Itc2007Arguments.Parse(["all", "--seeds", "1-5", "--seconds", "20", "--runs", "2", "--out", "dir", "--quiet"]);

        Assert.Equal(14, args.Instances.Count);
        Assert.Equal("comp01", args.Instances[0]);
        Assert.Equal("comp14", args.Instances[^1]);
        Assert.Equal([1L, 2, 3, 4, 5], args.Seeds);
        Assert.Equal(20, args.Seconds);
        Assert.Equal(2, args.Runs);
        Assert.Equal("dir", args.Out);
        Assert.True(args.Quiet);
    }

    [Fact]
    public void Instance_lists_and_the_old_single_seed_form_still_work()
    {
        var args = Itc2007Arguments.Parse(["comp05,comp12", "comp07", "--seed", "3"]);

        Assert.Equal(["comp05", "comp12", "comp07"], args.Instances);
        Assert.Equal([3L], args.Seeds);
        Assert.Equal(60, args.Seconds);
        Assert.Equal(1, args.Runs);
        Assert.Null(args.Iterations);
    }

    [Theory]
    [InlineData("--seconds", "20")]
    [InlineData("comp01", "--bogus")]
    [InlineData("comp01", "--seconds")]
    [InlineData("comp01", "--seconds", "0")]
    [InlineData("comp01", "--seed", "1", "--seeds", "1-2")]
    public void Bad_command_lines_are_refused(params string[] args) =>
        Assert.Throws<FormatException>(() => Itc2007Arguments.Parse(args));

    [Fact]
    public void Summary_gives_mean_min_max_and_spread()
    {
        var runs = new[]
        {
            Run(1, cost: 40, quarter: 60, half: 50, feasible: 1.0),
            Run(2, cost: 50, quarter: 70, half: 55, feasible: 3.0),
            Run(3, cost: 60, quarter: 80, half: 60, feasible: 2.0),
        };

        var summary = Itc2007InstanceSummary.Of("comp02", runs);

        Assert.Equal(3, summary.Runs);
        Assert.Equal(50, summary.Cost.Mean);
        Assert.Equal(40, summary.Cost.Min);
        Assert.Equal(60, summary.Cost.Max);
        Assert.Equal(0.2, summary.Cost.Spread, 10);
        Assert.Equal(2.0, summary.FirstFeasible!.Mean, 10);
        Assert.Equal(3.0, summary.FirstFeasible.Max);
        Assert.Equal(70, summary.CostAtQuarter!.Mean);
        Assert.Equal(55, summary.CostAtHalf!.Mean);
        Assert.Equal(0, summary.MaxViolations);
    }

    [Fact]
    public void Infeasible_runs_are_counted_and_void_the_checkpoint_means()
    {
        var runs = new[]
        {
            Run(1, cost: 40, quarter: null, half: 50, feasible: null, violations: 2),
            Run(2, cost: 0, quarter: 10, half: 0, feasible: 0.5),
        };

        var summary = Itc2007InstanceSummary.Of("comp02", runs);

        Assert.Equal(2, summary.MaxViolations);
        Assert.Equal(1, summary.InfeasibleRuns);
        Assert.Equal(1, summary.NeverFeasible);
        Assert.Null(summary.CostAtQuarter);
        Assert.Equal(25, summary.CostAtHalf!.Mean);
        Assert.Equal(1, summary.FirstFeasible!.Count);
    }

    [Fact]
    public void Spread_of_all_zero_costs_is_zero() =>
        Assert.Equal(0, Summary.Of([0.0, 0.0])!.Spread);

    private static Itc2007Run Run(long seed, long cost, long? quarter, long? half, double? feasible, long violations = 0) =>
        new("comp02", seed, violations, cost, feasible, quarter, half, 1000);
}
