using System.Diagnostics;

namespace OrleansTraining.Planner.Search;

/// <summary>
/// Simulated annealing over any <see cref="ILocalSearchProblem"/>. Geometric cooling from the initial to
/// the final temperature over the budget; hard violations are weighted into the acceptance test, while the
/// best solution is compared lexicographically (fewer hard violations always wins).
/// </summary>
public sealed class SimulatedAnnealing
{
    private const int ClockCheckMask = 1023;

    public SearchResult Run(
        ILocalSearchProblem problem,
        SearchOptions options,
        CancellationToken cancellationToken = default,
        IProgress<SearchProgress>? progress = null)
    {
        if (options.TimeLimit is null && options.MaxIterations is null)
            throw new ArgumentException("Set a time limit, an iteration limit or both.", nameof(options));

        var random = new SplitMix64(options.Seed);
        var clock = Stopwatch.StartNew();
        var best = problem.Score;
        problem.SaveBest();
        TimeSpan? firstFeasible = best.IsFeasible ? TimeSpan.Zero : null;
        var nextProgress = options.ProgressInterval;
        var logRatio = Math.Log(options.FinalTemperature / options.InitialTemperature);
        var temperature = options.InitialTemperature;
        long iteration = 0;
        long lastImprovement = 0;
        long lastRestart = 0;
        var stop = SearchStopReason.IterationLimit;

        if (Reached(options, best))
            return Finish(SearchStopReason.TargetReached);

        while (true)
        {
            if (options.MaxIterations is { } max && iteration >= max)
            {
                stop = SearchStopReason.IterationLimit;
                break;
            }

            if (options.StallIterations is { } stall && best.IsFeasible && iteration - lastImprovement >= stall)
            {
                stop = SearchStopReason.Stalled;
                break;
            }

            if ((iteration & ClockCheckMask) == 0)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    stop = SearchStopReason.Cancelled;
                    break;
                }

                var elapsed = clock.Elapsed;
                if (options.TimeLimit is { } limit && elapsed >= limit)
                {
                    stop = SearchStopReason.TimeLimit;
                    break;
                }

                temperature = options.InitialTemperature * Math.Exp(logRatio * Fraction(options, iteration, elapsed));
                if (progress is not null && elapsed >= nextProgress)
                {
                    progress.Report(new SearchProgress(best, problem.Score, elapsed, iteration));
                    nextProgress = elapsed + options.ProgressInterval;
                }
            }

            if (options.RestartFromBestAfter is { } restart && iteration - Math.Max(lastImprovement, lastRestart) >= restart)
            {
                problem.RestoreBest();
                lastRestart = iteration;
            }

            iteration++;
            if (!problem.TryApplyRandomMove(random, out var delta))
                continue;

            var weighted = delta.Hard * options.HardWeight + delta.Soft * options.SoftWeight;
            if (weighted > 0 && random.NextDouble() >= Math.Exp(-weighted / temperature))
            {
                problem.UndoLastMove();
                continue;
            }

            var current = problem.Score;
            if (current < best)
            {
                best = current;
                lastImprovement = iteration;
                problem.SaveBest();
                if (firstFeasible is null && best.IsFeasible)
                    firstFeasible = clock.Elapsed;
                if (Reached(options, best))
                {
                    stop = SearchStopReason.TargetReached;
                    break;
                }
            }
        }

        return Finish(stop);

        SearchResult Finish(SearchStopReason reason)
        {
            problem.RestoreBest();
            var elapsed = clock.Elapsed;
            progress?.Report(new SearchProgress(best, best, elapsed, iteration));
            return new SearchResult(best, iteration, elapsed, firstFeasible, reason);
        }
    }

    private static bool Reached(SearchOptions options, Score best) =>
        (options.StopWhenFeasible && best.IsFeasible) || (options.Target is { } target && best <= target);

    private static double Fraction(SearchOptions options, long iteration, TimeSpan elapsed) =>
        options.MaxIterations is { } max
            ? Math.Min(1.0, (double)iteration / max)
            : Math.Min(1.0, elapsed.TotalMilliseconds / options.TimeLimit!.Value.TotalMilliseconds);
}
