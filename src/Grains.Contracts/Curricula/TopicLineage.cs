namespace OrleansTraining.Grains.Curricula;

/// <summary>
/// <see cref="TopicCode"/> was split out of <see cref="FromTopicCode"/> when <see cref="FromVersion"/> was revised. A
/// lecturer qualified for the old topic is qualified for the new one when <see cref="QualificationCarries"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("ot.TopicLineage")]
public sealed record TopicLineage(string TopicCode, string FromTopicCode, string FromVersion, bool QualificationCarries);
