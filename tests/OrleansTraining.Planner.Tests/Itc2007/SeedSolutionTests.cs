using System.Globalization;
using System.Text.RegularExpressions;

namespace OrleansTraining.Planner.Tests.Itc2007;

/// <summary>
/// Every solution the multi-seed benchmark wrote for RESULTS-planner.md (Itc2007/solutions/seeds/{run}/, named
/// compNN-{seconds}s-seed{n}-cost{c}.sol by <c>itc2007 … --out dir</c>) rechecked by the independent checker.
/// </summary>
public sealed partial class SeedSolutionTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Itc2007", "solutions", "seeds");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        if (Directory.Exists(Folder))
        {
            foreach (var file in Directory.GetFiles(Folder, "*.sol", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                data.Add(Path.GetRelativePath(Folder, file));
        }

        return data;
    }

    [Fact]
    public void The_multi_seed_solutions_are_there() =>
        Assert.True(Files().Count >= 70, $"expected at least 14 instances x 5 seeds in {Folder}");

    [Theory]
    [MemberData(nameof(Files))]
    public void Solution_is_feasible_with_the_cost_in_its_name(string file)
    {
        var match = Name().Match(Path.GetFileName(file));
        Assert.True(match.Success, file);

        var text = File.ReadAllText(Path.Combine(Folder, file));
        var result = Itc2007Checker.Check(Instances.Read($"{match.Groups["instance"].Value}.ctt"), text);

        Assert.Equal(0, result.Violations);
        Assert.Equal(int.Parse(match.Groups["cost"].Value, CultureInfo.InvariantCulture), result.Cost);
    }

    [GeneratedRegex(@"^(?<instance>comp\d\d)-\d+(\.\d+)?s-seed\d+-cost(?<cost>\d+)\.sol$")]
    private static partial Regex Name();
}
