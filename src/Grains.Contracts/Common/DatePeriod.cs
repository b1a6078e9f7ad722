namespace OrleansTraining.Grains.Common;

/// <summary>Days from <see cref="Start"/> to <see cref="End"/>, both included.</summary>
[GenerateSerializer, Immutable, Alias("ot.DatePeriod")]
public sealed record DatePeriod(DateOnly Start, DateOnly End)
{
    public bool Contains(DateOnly day) => Start <= day && day <= End;
}
