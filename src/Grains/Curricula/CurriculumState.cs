using System.Collections.Immutable;

namespace OrleansTraining.Grains.Curricula;

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ot.CurriculumState")]
public sealed record CurriculumState
{
    public ImmutableArray<Topic> Topics { get; init; } = [];
}
