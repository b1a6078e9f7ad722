using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.Cycles;

/// <summary>The cycle's dates, for field trips of its courses.</summary>
public sealed partial class CycleGrain
{
    public Task<DatePeriod> GetPeriodAsync()
    {
        EnsureExists();
        return Task.FromResult(new DatePeriod(state.State.Start, state.State.End));
    }
}
