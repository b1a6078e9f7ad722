using System.Collections.Immutable;

namespace OrleansTraining.Grains.Curricula;

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ot.CurriculumState")]
public sealed record CurriculumState
{
    public ImmutableArray<Topic> Topics { get; init; } = [];

    /// <summary>The version this one was derived from; null when defined outright.</summary>
    public string? BasedOn { get; init; }

    public ImmutableArray<TopicLineage> Lineage { get; init; } = [];

    public ImmutableArray<string> Retired { get; init; } = [];
}
