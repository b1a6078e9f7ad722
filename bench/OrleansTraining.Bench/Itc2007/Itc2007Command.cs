using System.Globalization;
using OrleansTraining.Planner.Itc2007;
using OrleansTraining.Planner.Search;

namespace OrleansTraining.Bench.Itc2007;

/// <summary>itc2007 &lt;file.ctt&gt; --seconds s --seed n --out solution: solve one instance on one thread and print cost.</summary>
internal static class Itc2007Command
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: itc2007 <file.ctt> [--seconds 60] [--seed 1] [--out solution.sol] [--iterations n]");
            return 2;
        }

        var path = ResolveInstance(args[0]);
        var seconds = double.Parse(Option(args, "--seconds") ?? "60", CultureInfo.InvariantCulture);
        var seed = long.Parse(Option(args, "--seed") ?? "1", CultureInfo.InvariantCulture);
        var iterations = Option(args, "--iterations") is { } it ? long.Parse(it, CultureInfo.InvariantCulture) : (long?)null;
        var output = Option(args, "--out");

        var instance = Itc2007Parser.Parse(await File.ReadAllTextAsync(path));
        Console.WriteLine($"{instance.Name}: {instance.Courses.Length} courses, {instance.TotalLectures} lectures, {instance.Rooms.Length} rooms, {instance.Periods} periods, {instance.Curricula.Length} curricula");
        var options = new SearchOptions
        {
            Seed = seed,
            TimeLimit = TimeSpan.FromSeconds(seconds),
            MaxIterations = iterations,
            InitialTemperature = double.Parse(Option(args, "--t0") ?? "0", CultureInfo.InvariantCulture),
            FinalTemperature = double.Parse(Option(args, "--t1") ?? "0", CultureInfo.InvariantCulture),
            HardWeight = 1000,
            ProgressInterval = TimeSpan.FromSeconds(10),
        };
        var result = Itc2007Solver.Solve(instance, options, CancellationToken.None, new ConsoleProgress());
        if (output is not null)
            await File.WriteAllTextAsync(output, result.Solution.ToCompetitionFormat());

        Console.WriteLine($"violations {result.Search.Best.Hard} cost {result.Search.Best.Soft} " +
                          $"iterations {result.Search.Iterations:N0} elapsed {result.Search.Elapsed.TotalSeconds:F1}s " +
                          $"t0 {result.InitialTemperature:F1} first-feasible {(result.Search.TimeToFirstFeasible?.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) ?? "never")}s seed {seed}");
        return result.Search.Best.Hard == 0 ? 0 : 1;
    }

    /// <summary>A path, or a bundled instance name ("comp01") found in Itc2007/instances above the binary or the working directory.</summary>
    private static string ResolveInstance(string name)
    {
        if (File.Exists(name))
            return name;
        var file = name.EndsWith(".ctt", StringComparison.Ordinal) ? name : name + ".ctt";
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                foreach (var relative in new[] { Path.Combine("Itc2007", "instances"), Path.Combine("bench", "OrleansTraining.Bench", "Itc2007", "instances") })
                {
                    var candidate = Path.Combine(dir.FullName, relative, file);
                    if (File.Exists(candidate))
                        return candidate;
                }
            }
        }

        throw new FileNotFoundException($"No instance {name}.");
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    /// <summary>Prints on the solver's thread (Progress&lt;T&gt; would post to the thread pool and reorder lines).</summary>
    private sealed class ConsoleProgress : IProgress<SearchProgress>
    {
        public void Report(SearchProgress p) =>
            Console.WriteLine($"  {p.Elapsed.TotalSeconds,6:F1}s best {p.Best} current {p.Current} iterations {p.Iterations:N0}");
    }
}
