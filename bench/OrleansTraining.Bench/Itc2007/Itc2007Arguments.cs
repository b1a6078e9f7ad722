using System.Globalization;

namespace OrleansTraining.Bench.Itc2007;

/// <summary>
/// Parsed <c>itc2007</c> command line: instances (names, paths, comma lists or <c>all</c>), seeds
/// (<c>--seeds 1-5</c>, <c>--seeds 1,3,9</c> or <c>--seed 1</c>), <c>--runs</c> per seed, <c>--seconds</c> per run.
/// Pure, so the tests can link it.
/// </summary>
internal sealed record Itc2007Arguments(
    IReadOnlyList<string> Instances,
    IReadOnlyList<long> Seeds,
    int Runs,
    double Seconds,
    long? Iterations,
    double InitialTemperature,
    double FinalTemperature,
    string? Out,
    bool Quiet)
{
    /// <summary>Solver tuning from repeated <c>--param name=value</c> (see the command for the names).</summary>
    public IReadOnlyDictionary<string, double> Parameters { get; init; } = new Dictionary<string, double>();

    public static readonly IReadOnlyList<string> All =
        Enumerable.Range(1, 14).Select(i => $"comp{i:00}").ToArray();

    private static readonly HashSet<string> ValueOptions =
        ["--seconds", "--seed", "--seeds", "--runs", "--iterations", "--t0", "--t1", "--out"];

    public static Itc2007Arguments Parse(IReadOnlyList<string> args)
    {
        var instances = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var quiet = false;
        var parameters = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--quiet")
            {
                quiet = true;
            }
            else if (arg == "--param")
            {
                var pair = i + 1 < args.Count ? args[++i].Split('=', 2) : [];
                if (pair.Length != 2 || pair[0].Length == 0)
                    throw new FormatException("--param needs name=value.");
                parameters[pair[0]] = double.Parse(pair[1], CultureInfo.InvariantCulture);
            }
            else if (ValueOptions.Contains(arg))
            {
                if (i + 1 >= args.Count)
                    throw new FormatException($"{arg} needs a value.");
                values[arg] = args[++i];
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new FormatException($"Unknown option {arg}.");
            }
            else
            {
                foreach (var name in arg.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (name.Equals("all", StringComparison.OrdinalIgnoreCase))
                        instances.AddRange(All);
                    else
                        instances.Add(name);
                }
            }
        }

        if (instances.Count == 0)
            throw new FormatException("Name at least one instance (comp01, a .ctt path, or all).");
        if (values.ContainsKey("--seed") && values.ContainsKey("--seeds"))
            throw new FormatException("Give --seed or --seeds, not both.");

        var seeds = ParseSeeds(values.GetValueOrDefault("--seeds") ?? values.GetValueOrDefault("--seed") ?? "1");
        var runs = int.Parse(values.GetValueOrDefault("--runs") ?? "1", CultureInfo.InvariantCulture);
        if (runs < 1)
            throw new FormatException("--runs must be at least 1.");
        var seconds = double.Parse(values.GetValueOrDefault("--seconds") ?? "60", CultureInfo.InvariantCulture);
        if (seconds <= 0)
            throw new FormatException("--seconds must be positive.");
        long? iterations = values.TryGetValue("--iterations", out var it) ? long.Parse(it, CultureInfo.InvariantCulture) : null;
        return new Itc2007Arguments(
            instances.Distinct(StringComparer.Ordinal).ToArray(),
            seeds,
            runs,
            seconds,
            iterations,
            double.Parse(values.GetValueOrDefault("--t0") ?? "0", CultureInfo.InvariantCulture),
            double.Parse(values.GetValueOrDefault("--t1") ?? "0", CultureInfo.InvariantCulture),
            values.GetValueOrDefault("--out"),
            quiet)
        {
            Parameters = parameters,
        };
    }

    /// <summary>"1-5" → 1..5; "1,3,9" → those; ranges and lists combine ("1-3,7"). Order kept, duplicates dropped.</summary>
    public static IReadOnlyList<long> ParseSeeds(string text)
    {
        var seeds = new List<long>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-', 1);
            if (dash > 0)
            {
                var from = long.Parse(part[..dash], CultureInfo.InvariantCulture);
                var to = long.Parse(part[(dash + 1)..], CultureInfo.InvariantCulture);
                if (to < from)
                    throw new FormatException($"Empty seed range {part}.");
                for (var s = from; s <= to; s++)
                    seeds.Add(s);
            }
            else
            {
                seeds.Add(long.Parse(part, CultureInfo.InvariantCulture));
            }
        }

        if (seeds.Count == 0)
            throw new FormatException("No seed given.");
        return seeds.Distinct().ToArray();
    }
}
