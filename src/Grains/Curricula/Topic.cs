namespace OrleansTraining.Grains.Curricula;

/// <summary>A curriculum topic (chuyên đề). Codes are stable across versions so lecturer qualifications carry over.</summary>
public sealed record Topic(string Code, string TitleVi, string TitleEn);
