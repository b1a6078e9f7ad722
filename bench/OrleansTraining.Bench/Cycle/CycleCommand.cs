using System.Diagnostics;
using System.Globalization;
using OrleansTraining.Planner.Cycle;
using OrleansTraining.Planner.Cycle.Samples;

namespace OrleansTraining.Bench.Cycle;

/// <summary>
/// cycle [--scale 1] [--seed 1] [--seconds 5] [--iterations n] [--repairs 200]: plans a generated cycle and
/// measures time to first feasible plan, final score, and repair latency and moved counts over random changes.
/// </summary>
internal static class CycleCommand
{
    public static Task<int> RunAsync(string[] args)
    {
        var scale = int.Parse(Option(args, "--scale") ?? "1", CultureInfo.InvariantCulture);
        var seed = long.Parse(Option(args, "--seed") ?? "1", CultureInfo.InvariantCulture);
        var seconds = double.Parse(Option(args, "--seconds") ?? "5", CultureInfo.InvariantCulture);
        var iterations = long.Parse(Option(args, "--iterations") ?? (2_000_000L * scale).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var repairs = int.Parse(Option(args, "--repairs") ?? "200", CultureInfo.InvariantCulture);

        var problem = CycleInstanceGenerator.Generate(scale, seed);
        var sessions = problem.Courses.Sum(c => c.Sessions.Sum(s => s.Sessions) + c.Itinerary.Sum(s => s.Sessions.Sum(x => x.Sessions)));
        Console.WriteLine($"cycle scale {scale}: {problem.Provinces.Length} provinces, {problem.Courses.Length} courses, {problem.Topics.Length} topics, {problem.Lecturers.Length} lecturers, {sessions} sessions, seed {seed}");
        var planner = new CyclePlanner();
        var settings = new PlannerSettings { Seed = seed, TimeLimit = TimeSpan.FromSeconds(seconds), MaxIterations = iterations };

        var clock = Stopwatch.StartNew();
        var first = planner.Plan(problem, settings with { StopWhenFeasible = true });
        var toFeasible = clock.Elapsed;
        Console.WriteLine($"first feasible: {(first.Plan.Score.IsFeasible ? $"{toFeasible.TotalMilliseconds:F0} ms" : "not reached")}, score {first.Plan.Score}, iterations {first.Search.Iterations:N0}");

        clock.Restart();
        var result = planner.Plan(problem, settings);
        var planTime = clock.Elapsed;
        Console.WriteLine($"full plan: {planTime.TotalMilliseconds:F0} ms, score {result.Plan.Score}, hard violations {result.Plan.Score.Hard}, iterations {result.Search.Iterations:N0} ({result.Search.StopReason})");
        foreach (var c in result.Breakdown.Constraints.Where(c => c.Cost != 0))
            Console.WriteLine($"  {c.Constraint,-22} {c.Cost,10} ({c.Matches} matches)");

        var random = new Random((int)seed);
        var latencies = new List<double>();
        var moved = new List<int>();
        var infeasible = 0;
        var repairSettings = settings with { TimeLimit = null, MaxIterations = null };
        for (var i = 0; i < repairs; i++)
        {
            var change = RandomChange(problem, result.Plan, random);
            clock.Restart();
            var repair = planner.Repair(problem, result.Plan, change, repairSettings);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            // "Other" moves: beyond the one assignment the change itself invalidated.
            moved.Add(Math.Max(0, repair.Moves.Length - 1));
            if (!repair.Plan.Score.IsFeasible)
                infeasible++;
        }

        if (repairs > 0)
        {
            latencies.Sort();
            moved.Sort();
            Console.WriteLine($"repair x{repairs}: median {Percentile(latencies, 0.5):F1} ms, p99 {Percentile(latencies, 0.99):F1} ms, " +
                              $"other moves median {Percentile(moved, 0.5)}, p99 {Percentile(moved, 0.99)}, max {moved[^1]}, " +
                              $"<=3 others {moved.Count(m => m <= 3) * 100.0 / moved.Count:F0}%, infeasible after repair {infeasible}");
        }

        return Task.FromResult(result.Plan.Score.IsFeasible ? 0 : 1);
    }

    /// <summary>A decline of a random staffed session, a host's refusal, or a lecturer's unavailable day where they teach.</summary>
    private static PlanChange RandomChange(CycleProblem problem, CyclePlan plan, Random random)
    {
        var staffed = plan.Sessions.Where(s => s.LecturerId is not null).ToList();
        var session = staffed[random.Next(staffed.Count)];
        switch (random.Next(3))
        {
            case 0:
                return new LecturerDeclined(session.SessionId, session.LecturerId!);
            case 1:
                return new LecturerUnavailable(session.LecturerId!, [session.Date]);
            default:
                var course = plan.Courses[random.Next(plan.Courses.Length)];
                return new HostRefused(course.CourseId, course.HostProvince);
        }
    }

    private static T Percentile<T>(List<T> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
