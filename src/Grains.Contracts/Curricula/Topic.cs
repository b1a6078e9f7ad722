namespace OrleansTraining.Grains.Curricula;

/// <summary>A curriculum topic (chuyên đề). Codes are stable across versions so lecturer qualifications carry over.</summary>
[GenerateSerializer, Immutable, Alias("ot.Topic")]
public sealed record Topic(string Code, string TitleVi, string TitleEn);
