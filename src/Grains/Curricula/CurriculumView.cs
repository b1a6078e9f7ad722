using System.Collections.Immutable;

namespace OrleansTraining.Grains.Curricula;

public sealed record CurriculumView(string Version, ImmutableArray<Topic> Topics);
