using System.Collections.Immutable;

namespace OrleansTraining.Silo.Tests.Grains;

/// <summary>Includes an immutable dictionary and an enum: the shapes the JSON storage must round-trip.</summary>
[GenerateSerializer]
public sealed class CounterState
{
    [Id(0)]
    public int Value { get; set; }

    [Id(1)]
    public ImmutableDictionary<string, int> ByCaller { get; set; } = ImmutableDictionary<string, int>.Empty;

    [Id(2)]
    public CounterMood Mood { get; set; }
}

public enum CounterMood
{
    Idle,
    Busy,
}
