namespace OrleansTraining.Bench.Itc2007;

/// <summary>One solver run as the benchmark saw it; checkpoint costs are null while no feasible timetable was known.</summary>
internal sealed record Itc2007Run(
    string Instance,
    long Seed,
    long Violations,
    long Cost,
    double? FirstFeasibleSeconds,
    long? CostAtQuarter,
    long? CostAtHalf,
    long Iterations);

/// <summary>Mean, min and max of a set of values; <see cref="Spread"/> is the largest distance from the mean as a fraction of it.</summary>
internal sealed record Summary(double Mean, double Min, double Max, int Count)
{
    public double Spread => Mean == 0 ? (Max == 0 ? 0 : double.PositiveInfinity) : Math.Max(Max - Mean, Mean - Min) / Mean;

    public static Summary? Of(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : new Summary(list.Average(), list.Min(), list.Max(), list.Count);
    }
}

/// <summary>Per-instance statistics over seeds and repeated runs.</summary>
internal sealed record Itc2007InstanceSummary(
    string Instance,
    int Runs,
    Summary Cost,
    long MaxViolations,
    int InfeasibleRuns,
    Summary? FirstFeasible,
    int NeverFeasible,
    Summary? CostAtQuarter,
    Summary? CostAtHalf)
{
    public static Itc2007InstanceSummary Of(string instance, IReadOnlyCollection<Itc2007Run> runs)
    {
        if (runs.Count == 0)
            throw new ArgumentException("No runs.", nameof(runs));
        return new Itc2007InstanceSummary(
            instance,
            runs.Count,
            Summary.Of(runs.Select(r => (double)r.Cost))!,
            runs.Max(r => r.Violations),
            runs.Count(r => r.Violations > 0),
            Summary.Of(runs.Where(r => r.FirstFeasibleSeconds is not null).Select(r => r.FirstFeasibleSeconds!.Value)),
            runs.Count(r => r.FirstFeasibleSeconds is null),
            // A checkpoint mean is only meaningful if every run was feasible by then.
            runs.All(r => r.CostAtQuarter is not null) ? Summary.Of(runs.Select(r => (double)r.CostAtQuarter!.Value)) : null,
            runs.All(r => r.CostAtHalf is not null) ? Summary.Of(runs.Select(r => (double)r.CostAtHalf!.Value)) : null);
    }
}
