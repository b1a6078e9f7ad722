namespace OrleansTraining.Bench.Load;

/// <summary>How one request ended, as the table counts it.</summary>
internal enum Outcome
{
    Success,
    ExpectedConflict,
    Error,
}

/// <summary>What one operation measured: latencies and outcomes. Thread-safe; a lock is cheap at a few thousand requests/s.</summary>
internal sealed class OperationStatistics(string name)
{
    private readonly Lock _lock = new();
    private readonly List<double> _milliseconds = [];
    private readonly Dictionary<string, int> _errors = new(StringComparer.Ordinal);
    private int _success;
    private int _expectedConflicts;

    public string Name => name;

    public void Record(double milliseconds, Outcome outcome, string? error = null)
    {
        lock (_lock)
        {
            _milliseconds.Add(milliseconds);
            switch (outcome)
            {
                case Outcome.Success:
                    _success++;
                    break;
                case Outcome.ExpectedConflict:
                    _expectedConflicts++;
                    break;
                default:
                    _errors[error ?? "error"] = _errors.GetValueOrDefault(error ?? "error") + 1;
                    break;
            }
        }
    }

    public OperationSummary Summarize(TimeSpan elapsed)
    {
        lock (_lock)
        {
            var sorted = _milliseconds.ToArray();
            Array.Sort(sorted);
            return new OperationSummary(name, sorted.Length, sorted.Length / Math.Max(elapsed.TotalSeconds, 1e-9),
                Percentile.Of(sorted, 50), Percentile.Of(sorted, 99), sorted.Length == 0 ? 0 : sorted[^1],
                _success, _expectedConflicts, _errors.Values.Sum(), new Dictionary<string, int>(_errors));
        }
    }
}

internal sealed record OperationSummary(
    string Name, int Count, double PerSecond, double P50, double P99, double Max,
    int Success, int ExpectedConflicts, int Errors, IReadOnlyDictionary<string, int> ErrorKinds);

internal static class Percentile
{
    /// <summary>Nearest-rank percentile of ascending values (0 for none): the smallest value with p % of them at or below it.</summary>
    public static double Of(IReadOnlyList<double> ascending, double p)
    {
        if (ascending.Count == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(p / 100 * ascending.Count);
        return ascending[Math.Clamp(rank, 1, ascending.Count) - 1];
    }
}
