using System.Collections.Immutable;

namespace OrleansTraining.Grains.Curricula;

/// <summary>
/// How the board derives a new version from <see cref="BasedOn"/>: topics split (each replaced in place by its parts),
/// topics added (at the end) and topics retired. Everything else is kept as it was.
/// </summary>
[GenerateSerializer, Immutable, Alias("ot.CurriculumChanges")]
public sealed record CurriculumChanges(
    string BasedOn,
    ImmutableArray<TopicSplit> Splits,
    ImmutableArray<Topic> Added,
    ImmutableArray<string> Retired);

/// <summary>One base topic split into parts; a part may keep the parent's code (the general remainder of the topic).</summary>
[GenerateSerializer, Immutable, Alias("ot.TopicSplit")]
public sealed record TopicSplit(string TopicCode, ImmutableArray<SplitPart> Into);

/// <summary>A part of a split topic; <see cref="QualificationCarries"/> false when the board says the parent's lecturers are not enough.</summary>
[GenerateSerializer, Immutable, Alias("ot.SplitPart")]
public sealed record SplitPart(Topic Topic, bool QualificationCarries);
