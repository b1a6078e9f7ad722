using System.Collections.Immutable;

namespace OrleansTraining.Grains.Curricula;

[GenerateSerializer, Immutable, Alias("ot.CurriculumView")]
public sealed record CurriculumView(string Version, ImmutableArray<Topic> Topics);
