using OrleansTraining.Bench.Itc2007;

namespace OrleansTraining.Planner.Tests.Bench;

public sealed class Itc2007ReferencesTests
{
    [Theory]
    [InlineData("comp03", 20, 78.2)] // 0.85 × 92
    [InlineData("comp03", 60, 68.0)] // 0.85 × 80
    [InlineData("comp04", 60, 34.0)]
    [InlineData("comp14", 20, 50.15)] // 0.85 × 59
    [InlineData("comp01", 20, 5.0)] // the optimum, not 0.85 × 5
    [InlineData("comp11", 60, 0.0)]
    [InlineData("comp05", 300, 330.0)] // the competition winner's cost
    public void Targets_follow_the_issue(string instance, double seconds, double expected) =>
        Assert.Equal(expected, Itc2007References.Target(instance, seconds)!.Cost, precision: 6);

    [Theory]
    [InlineData("comp08", 300)] // the winner's table we hold stops at comp07
    [InlineData("comp03", 10)] // the issue sets no target at 10 s
    [InlineData("comp99", 60)]
    public void No_target_where_the_issue_sets_none(string instance, double seconds) =>
        Assert.Null(Itc2007References.Target(instance, seconds));

    [Theory]
    [InlineData(68.0, 68.0, "yes")]
    [InlineData(68.0, 67.2, "yes")]
    [InlineData(68.0, 70.0, "no (+3 %)")]
    [InlineData(34.0, 36.2, "no (+6 %)")]
    [InlineData(0.0, 0.4, "no (+0.4)")]
    public void A_verdict_says_by_how_much_a_mean_misses(double target, double mean, string expected) =>
        Assert.Equal(expected, new Itc2007Target(target, "rule").Verdict(mean));

    [Fact]
    public void Every_instance_has_its_C_solver_figures_and_the_best_known_is_never_above_them()
    {
        Assert.Equal(14, Itc2007References.ByInstance.Count);
        foreach (var (instance, reference) in Itc2007References.ByInstance)
        {
            Assert.True(reference.CSolver60 <= reference.CSolver20, instance);
            if (reference.BestKnown is { } best)
                Assert.True(best <= reference.CSolver60 && best <= (reference.Winner ?? int.MaxValue), instance);
        }
    }
}
