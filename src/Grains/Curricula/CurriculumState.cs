using System.Collections.Immutable;

namespace OrleansTraining.Grains.Curricula;

public sealed record CurriculumState
{
    public ImmutableArray<Topic> Topics { get; init; } = [];
}
