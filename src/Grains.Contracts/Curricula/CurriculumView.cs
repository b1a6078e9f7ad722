using System.Collections.Immutable;

namespace OrleansTraining.Grains.Curricula;

/// <summary>
/// A curriculum version and its topics. <see cref="BasedOn"/> names the version it was derived from (null for one
/// defined outright), <see cref="Lineage"/> which of its topics were split out of which earlier ones (kept across
/// versions, so qualification checks follow a chain of splits), <see cref="Retired"/> the base topics it dropped.
/// </summary>
[GenerateSerializer, Immutable, Alias("ot.CurriculumView")]
public sealed record CurriculumView(
    string Version,
    ImmutableArray<Topic> Topics,
    string? BasedOn,
    ImmutableArray<TopicLineage> Lineage,
    ImmutableArray<string> Retired);
