using System.Collections.Immutable;

namespace OrleansTraining.Grains.Curricula;

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ot.CurriculumIndexState")]
public sealed record CurriculumIndexState
{
    public ImmutableArray<string> Versions { get; init; } = [];
}
