namespace OrleansTraining.Grains.Common;

/// <summary>Calendar dates in Vietnam time; the answer periods themselves are <see cref="DeadlineOptions"/>.</summary>
public static class Deadlines
{
    /// <summary>Vietnam time (UTC+7), no daylight saving: calendar dates of courses are local dates.</summary>
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    /// <summary>Midnight (Vietnam time) at the start of <paramref name="date"/>.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), VietnamOffset);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(VietnamOffset).DateTime);
}
