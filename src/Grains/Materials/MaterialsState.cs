using System.Collections.Immutable;

namespace OrleansTraining.Grains.Materials;

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ot.MaterialsState")]
public sealed record MaterialsState
{
    public ImmutableArray<MaterialView> Files { get; init; } = [];

    /// <summary>How many files were ever added: numbers their ids, never reused.</summary>
    public int Added { get; init; }

    /// <summary>When every topic of the course first had a file.</summary>
    public DateTimeOffset? ReadyAt { get; init; }

    /// <summary>Whether the course has recorded the ready date; until then it is told again (a reminder retries).</summary>
    public bool CourseTold { get; init; }
}

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ot.MaterialFileState")]
public sealed record MaterialFileState
{
    public byte[] Content { get; init; } = [];
}
