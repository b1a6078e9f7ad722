namespace OrleansTraining.Gateway.Endpoints.Requests;

/// <summary>A new curriculum version derived from <see cref="BasedOn"/>: topics split, added and retired.</summary>
public sealed record CreateCurriculumRequest(
    string Version,
    string BasedOn,
    IReadOnlyList<TopicSplitRequest>? Split = null,
    IReadOnlyList<TopicRequest>? Add = null,
    IReadOnlyList<string>? Retire = null);

/// <summary>The base topic <see cref="Topic"/> replaced by its parts.</summary>
public sealed record TopicSplitRequest(string Topic, IReadOnlyList<SplitPartRequest> Into);

/// <summary>A part of a split topic; lecturers of the parent stay qualified unless <see cref="QualificationCarries"/> is false.</summary>
public sealed record SplitPartRequest(string Code, string TitleVi, string TitleEn, bool QualificationCarries = true);

public sealed record TopicRequest(string Code, string TitleVi, string TitleEn);
