namespace OrleansTraining.Pages.Tests.Infrastructure;

/// <summary>
/// Real time moved by an offset a test sets, for the grains and the pages: a course's first day, the day its materials
/// open. Time still runs, so the cycle's deliveries behave as in production. Tests that move it put it back.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>From now on the clock reads <paramref name="now"/> and moves on from there.</summary>
    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _offsetTicks, (now - System.GetUtcNow()).Ticks);

    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);
}
