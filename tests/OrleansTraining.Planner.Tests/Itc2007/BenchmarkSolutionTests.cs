namespace OrleansTraining.Planner.Tests.Itc2007;

/// <summary>
/// The solutions behind RESULTS-planner.md (60 s and 300 s, seed 1, written by the itc2007 bench command) rechecked by
/// the independent checker: no violation, and the cost the solver printed.
/// </summary>
public sealed class BenchmarkSolutionTests
{
    [Theory]
    [InlineData("comp01", 5)]
    [InlineData("comp02", 58)]
    [InlineData("comp03", 86)]
    [InlineData("comp04", 37)]
    [InlineData("comp05", 341)]
    [InlineData("comp06", 45)]
    [InlineData("comp07", 15)]
    [InlineData("comp08", 39)]
    [InlineData("comp09", 111)]
    [InlineData("comp10", 12)]
    [InlineData("comp11", 0)]
    [InlineData("comp12", 347)]
    [InlineData("comp13", 73)]
    [InlineData("comp14", 55)]
    public void Sixty_second_solution_is_feasible_with_the_reported_cost(string instance, int reportedCost)
    {
        var solution = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Itc2007", "solutions", $"{instance}-60s-seed1.sol"));

        var result = Itc2007Checker.Check(Instances.Read($"{instance}.ctt"), solution);

        Assert.Equal(0, result.Violations);
        Assert.Equal(reportedCost, result.Cost);
        Assert.Equal(TotalLectures(instance), solution.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData("comp01", 5)]
    [InlineData("comp02", 46)]
    [InlineData("comp03", 77)]
    [InlineData("comp04", 37)]
    [InlineData("comp05", 312)]
    [InlineData("comp06", 41)]
    [InlineData("comp07", 15)]
    [InlineData("comp08", 43)]
    [InlineData("comp09", 105)]
    [InlineData("comp10", 15)]
    [InlineData("comp11", 0)]
    [InlineData("comp12", 336)]
    [InlineData("comp13", 75)]
    [InlineData("comp14", 54)]
    public void Five_minute_solution_is_feasible_with_the_reported_cost(string instance, int reportedCost)
    {
        var solution = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Itc2007", "solutions", $"{instance}-300s-seed1.sol"));

        var result = Itc2007Checker.Check(Instances.Read($"{instance}.ctt"), solution);

        Assert.Equal(0, result.Violations);
        Assert.Equal(reportedCost, result.Cost);
    }

    private static int TotalLectures(string instance) =>
        OrleansTraining.Planner.Itc2007.Itc2007Parser.Parse(Instances.Read($"{instance}.ctt")).TotalLectures;
}
