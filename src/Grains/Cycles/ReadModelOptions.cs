namespace OrleansTraining.Grains.Cycles;

/// <summary>How the board's read model of a cycle (<see cref="ICycleReadModelGrain"/>) stays current.</summary>
public sealed class ReadModelOptions
{
    public const string SectionName = "ReadModel";

    /// <summary>
    /// A course's view that neither its course has published nor the cycle has re-read for this long is read from the
    /// course again at the board's next plan or report. A course publishes after each change, but if its node dies
    /// between storing a change and publishing it, only this re-read brings the board's view up to date.
    /// </summary>
    public TimeSpan RefreshAfter { get; set; } = TimeSpan.FromMinutes(1);
}
