using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using OrleansTraining.Planner.Itc2007;
using OrleansTraining.Planner.Search;

namespace OrleansTraining.Bench.Itc2007;

/// <summary>
/// itc2007 &lt;instances|all&gt; [--seeds 1-5] [--runs 1] [--seconds 60] [--out dir|file.sol]: solve each instance once per
/// seed and run, one run at a time on this thread, and print per instance mean/min/max cost, violations, time to
/// first feasible and the cost at 25 % and 50 % of the budget.
/// </summary>
internal static class Itc2007Command
{
    public const string Usage =
        "usage: itc2007 <compNN|file.ctt|all>[,...] [--seeds 1-5 | --seed 1] [--runs 1] [--seconds 60] [--out dir|file.sol] [--iterations n] [--t0 T] [--t1 T] [--quiet]";

    public static async Task<int> RunAsync(string[] args)
    {
        Itc2007Arguments arguments;
        try
        {
            arguments = Itc2007Arguments.Parse(args);
            _ = Settings(arguments.Parameters);
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        PrintEnvironment(arguments);
        var summaries = new List<Itc2007InstanceSummary>();
        var allFeasible = true;
        foreach (var name in arguments.Instances)
        {
            var path = ResolveInstance(name);
            var instance = Itc2007Parser.Parse(await File.ReadAllTextAsync(path));
            var label = Path.GetFileNameWithoutExtension(path);
            Console.WriteLine($"{label} ({instance.Name}): {instance.Courses.Length} courses, {instance.TotalLectures} lectures, {instance.Rooms.Length} rooms, {instance.Periods} periods, {instance.Curricula.Length} curricula");
            var runs = new List<Itc2007Run>();
            foreach (var seed in arguments.Seeds)
            {
                for (var repeat = 0; repeat < arguments.Runs; repeat++)
                {
                    var run = await RunOnceAsync(arguments, instance, label, seed);
                    runs.Add(run);
                    allFeasible &= run.Violations == 0;
                }
            }

            var summary = Itc2007InstanceSummary.Of(label, runs);
            summaries.Add(summary);
            Console.WriteLine($"  {label}: cost mean {summary.Cost.Mean:F1} min {summary.Cost.Min} max {summary.Cost.Max} (±{summary.Cost.Spread:P0}), " +
                              $"violations max {summary.MaxViolations}, first feasible mean {Seconds(summary.FirstFeasible?.Mean)}, " +
                              $"at 25% {Mean(summary.CostAtQuarter)}, at 50% {Mean(summary.CostAtHalf)}");
        }

        PrintTable(arguments, summaries);
        return allFeasible ? 0 : 1;
    }

    private static async Task<Itc2007Run> RunOnceAsync(Itc2007Arguments arguments, Itc2007Instance instance, string label, long seed)
    {
        var budget = TimeSpan.FromSeconds(arguments.Seconds);
        var options = new SearchOptions
        {
            Seed = seed,
            TimeLimit = budget,
            MaxIterations = arguments.Iterations,
            InitialTemperature = arguments.InitialTemperature,
            FinalTemperature = arguments.FinalTemperature,
            HardWeight = 1000,
            ProgressInterval = TimeSpan.FromSeconds(Math.Clamp(arguments.Seconds / 400, 0.01, 1)),
        };
        var checkpoints = new CheckpointProgress(budget, arguments.Quiet ? null : TimeSpan.FromSeconds(10));
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var result = Itc2007Solver.Solve(instance, options, CancellationToken.None, checkpoints, Settings(arguments.Parameters));
        // The share of one core the run got: on a shared machine a low share explains a low iteration count.
        var cpuShare = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore) / result.Search.Elapsed;
        var best = result.Search.Best;
        var firstFeasible = result.Search.TimeToFirstFeasible?.TotalSeconds;
        var run = new Itc2007Run(label, seed, best.Hard, best.Soft, firstFeasible,
            checkpoints.At(0.25), checkpoints.At(0.5), result.Search.Iterations);

        if (arguments.Out is { } output)
        {
            var file = output.EndsWith(".sol", StringComparison.Ordinal)
                ? output
                : Path.Combine(output, $"{label}-{arguments.Seconds.ToString(CultureInfo.InvariantCulture)}s-seed{seed}-cost{best.Soft}.sol");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            await File.WriteAllTextAsync(file, result.Solution.ToCompetitionFormat());
        }

        Console.WriteLine($"  seed {seed}: violations {best.Hard} cost {best.Soft} at 25% {run.CostAtQuarter?.ToString(CultureInfo.InvariantCulture) ?? "-"} " +
                          $"at 50% {run.CostAtHalf?.ToString(CultureInfo.InvariantCulture) ?? "-"} first-feasible {Seconds(firstFeasible)} " +
                          $"iterations {result.Search.Iterations:N0} elapsed {result.Search.Elapsed.TotalSeconds:F1}s cpu {cpuShare:P0} t0 {result.InitialTemperature:F1}{LoadAverage()}");
        return run;
    }

    /// <summary>--param names: roomonly, kempe, courseroom, compact, spread (move probabilities), t0factor, endratio (temperatures), feasround (iterations per feasibility round; 0 one anneal), restart (iterations without a new best before going back to it; 0 never).</summary>
    internal static Itc2007SolverSettings Settings(IReadOnlyDictionary<string, double> parameters)
    {
        var settings = Itc2007SolverSettings.Default;
        foreach (var (name, value) in parameters)
        {
            settings = name switch
            {
                "roomonly" => settings with { Moves = settings.Moves with { RoomOnly = value } },
                "kempe" => settings with { Moves = settings.Moves with { Kempe = value } },
                "courseroom" => settings with { Moves = settings.Moves with { CourseRoom = value } },
                "compact" => settings with { Moves = settings.Moves with { Compact = value } },
                "spread" => settings with { Moves = settings.Moves with { Spread = value } },
                "t0factor" => settings with { StartTemperatureFactor = value },
                "endratio" => settings with { EndTemperatureRatio = value },
                "feasround" => settings with { FeasibilityRoundIterations = value > 0 ? (long)value : null },
                "restart" => settings with { RestartFromBestAfter = value > 0 ? (long)value : null },
                // share=x: the anneals before the last each take x of the budget (how many: anneals=n, default 3); share=0: one anneal.
                "share" => settings with { AnnealShares = [.. Enumerable.Repeat(value, value > 0 ? Anneals(parameters) - 1 : 0)] },
                "anneals" => settings,
                "reheat" => settings with { ReheatFactor = value },
                _ => throw new FormatException($"Unknown --param {name}."),
            };
        }

        return settings;
    }

    private static int Anneals(IReadOnlyDictionary<string, double> parameters) =>
        parameters.TryGetValue("anneals", out var anneals) ? Math.Max(1, (int)anneals) : 3;

    private static void PrintEnvironment(Itc2007Arguments arguments)
    {
        var affinity = OperatingSystem.IsLinux() || OperatingSystem.IsWindows()
            ? Convert.ToString((long)Process.GetCurrentProcess().ProcessorAffinity, 2)
            : "n/a";
        Console.WriteLine($"itc2007: {arguments.Instances.Count} instance(s) x seeds [{string.Join(',', arguments.Seeds)}] x {arguments.Runs} run(s), " +
                          $"{arguments.Seconds.ToString(CultureInfo.InvariantCulture)} s each" +
                          (arguments.Iterations is { } it ? $", iteration-calibrated schedule of {it:N0}" : "") +
                          (arguments.Parameters.Count > 0 ? $", params {string.Join(' ', arguments.Parameters.Select(p => $"{p.Key}={p.Value.ToString(CultureInfo.InvariantCulture)}"))}" : ""));
        var settings = Settings(arguments.Parameters);
        // The record prints an ImmutableArray by its type name; the anneals' shares are spelled out.
        Console.WriteLine($"solver settings {settings}, anneal shares [{string.Join(", ", settings.AnnealShares.Select(s => s.ToString(CultureInfo.InvariantCulture)))}] then the rest");
        Console.WriteLine($"runtime {Environment.Version}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC " +
                          $"({GCSettings.LatencyMode}), {Environment.ProcessorCount} processor(s) visible, affinity mask {affinity}; " +
                          "the solver is single-threaded and runs are sequential (one at a time)");
    }

    private static void PrintTable(Itc2007Arguments arguments, IReadOnlyList<Itc2007InstanceSummary> summaries)
    {
        var seconds = arguments.Seconds.ToString(CultureInfo.InvariantCulture);
        Console.WriteLine();
        Console.WriteLine($"| instance | runs | cost mean | min–max | spread | violations (max) | first feasible mean (max) s | mean at 25 % ({Quarter(arguments.Seconds, 0.25)} s) | mean at 50 % | mean at 100 % ({seconds} s) | target | met? | best known |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var s in summaries)
        {
            Console.WriteLine($"| {s.Instance} | {s.Runs} | {s.Cost.Mean:F1} | {s.Cost.Min}–{s.Cost.Max} | ±{s.Cost.Spread:P0} | {s.MaxViolations} | " +
                              $"{Seconds(s.FirstFeasible?.Mean)} ({Seconds(s.FirstFeasible?.Max)}){(s.NeverFeasible > 0 ? $", never in {s.NeverFeasible}" : "")} | " +
                              $"{Mean(s.CostAtQuarter)} | {Mean(s.CostAtHalf)} | {s.Cost.Mean:F1} | {References(s, arguments.Seconds)} |");
        }

        Console.WriteLine();
        Console.WriteLine("target: issue 11's (0.85 × the C solver's figure at 20 s and 60 s, the optimum on comp01 and comp11, the " +
                          "competition winner's cost at 300 s on comp01–07; none at other budgets). best known: the lowest cost " +
                          "published, with the mean's distance to it (Itc2007References.cs gives the sources).");
    }

    /// <summary>The target, whether the mean meets it, and the best known cost with the mean's distance to it.</summary>
    private static string References(Itc2007InstanceSummary summary, double seconds)
    {
        var target = Itc2007References.Target(summary.Instance, seconds);
        var best = Itc2007References.BestKnown(summary.Instance);
        var targetText = target is null ? "- | -" : $"{target.Cost.ToString("0.##", CultureInfo.InvariantCulture)} ({target.Rule}) | {target.Verdict(summary.Cost.Mean)}";
        var bestText = best is { } b ? $"{b} ({Itc2007References.Above(summary.Cost.Mean, b)})" : "-";
        return $"{targetText} | {bestText}";
    }

    /// <summary>The machine's 1-minute load average after the run (Linux), so a slow run under others' load shows as such.</summary>
    private static string LoadAverage()
    {
        const string path = "/proc/loadavg";
        if (!File.Exists(path))
            return "";
        var text = File.ReadAllText(path);
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? $" load {text[..space]}" : "";
    }

    private static string Quarter(double seconds, double fraction) => (seconds * fraction).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Mean(Summary? summary) => summary is null ? "-" : summary.Mean.ToString("F1", CultureInfo.InvariantCulture);

    private static string Seconds(double? seconds) => seconds?.ToString("F2", CultureInfo.InvariantCulture) ?? "never";

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

    /// <summary>
    /// Receives the solver's progress on its own thread and records the best feasible cost known at 25 % and 50 %
    /// of the budget (by this stopwatch, which starts with the solve, construction included); optionally echoes.
    /// </summary>
    private sealed class CheckpointProgress(TimeSpan budget, TimeSpan? echoEvery) : IProgress<SearchProgress>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly Dictionary<double, long?> _atFraction = new();
        private Score? _best;
        private TimeSpan _nextEcho = echoEvery ?? TimeSpan.MaxValue;

        public long? At(double fraction) =>
            _atFraction.TryGetValue(fraction, out var cost) ? cost : _best is { IsFeasible: true } b ? b.Soft : null;

        public void Report(SearchProgress value)
        {
            var elapsed = _clock.Elapsed;
            foreach (var fraction in new[] { 0.25, 0.5 })
            {
                if (!_atFraction.ContainsKey(fraction) && elapsed >= budget * fraction)
                    _atFraction[fraction] = _best is { IsFeasible: true } b ? b.Soft : null;
            }

            if (_best is null || value.Best < _best.Value)
                _best = value.Best;
            if (echoEvery is { } every && elapsed >= _nextEcho)
            {
                Console.WriteLine($"    {elapsed.TotalSeconds,6:F1}s best {value.Best} current {value.Current} iterations {value.Iterations:N0}");
                _nextEcho = elapsed + every;
            }
        }
    }
}
