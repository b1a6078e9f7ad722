namespace OrleansTraining.Grains.Common;

/// <summary>How long the board gives for answers, and when materials must be out.</summary>
public static class Deadlines
{
    public static readonly TimeSpan HostingAnswer = TimeSpan.FromDays(14);

    public static readonly TimeSpan OfferAnswer = TimeSpan.FromDays(7);

    public const int MaterialsDaysBeforeStart = 14;

    /// <summary>Vietnam time (UTC+7), no daylight saving: calendar dates of courses are local dates.</summary>
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    /// <summary>Midnight (Vietnam time) at the start of <paramref name="date"/>.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), VietnamOffset);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(VietnamOffset).DateTime);
}
