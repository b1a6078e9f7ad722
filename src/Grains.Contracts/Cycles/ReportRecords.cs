using System.Collections.Immutable;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;

namespace OrleansTraining.Grains.Cycles;

/// <summary>Whether a course's materials reached the trainees the set number of days before it started.</summary>
[GenerateSerializer, Alias("ot.MaterialsTiming")]
public enum MaterialsTiming
{
    OnTime,
    Late,
    NotSent,
}

[GenerateSerializer, Alias("ot.RecommendationStatus")]
public enum RecommendationStatus
{
    Open,
    Done,
}

/// <summary>A recommendation of the board (kiến nghị); open ones are carried into the next cycle, naming where they came from.</summary>
[GenerateSerializer, Immutable, Alias("ot.Recommendation")]
public sealed record Recommendation(string Text, RecommendationStatus Status, string? FromCycleId = null);

/// <summary>The board's written conclusions on the cycle and its recommendations for the next.</summary>
[GenerateSerializer, Immutable, Alias("ot.BoardConclusions")]
public sealed record BoardConclusions(string? Conclusions, ImmutableArray<Recommendation> Recommendations);

[GenerateSerializer, Immutable, Alias("ot.ReportPerson")]
public sealed record ReportPerson(string Id, string Name);

/// <summary>A topic as a course taught it: by which methods and lecturers.</summary>
[GenerateSerializer, Immutable, Alias("ot.TopicTaught")]
public sealed record TopicTaught(string TopicCode, string Title, ImmutableArray<TeachingMethod> Methods, ImmutableArray<ReportPerson> Lecturers);

/// <summary>One course in the report: what was taught, how and by whom; its materials; who came.</summary>
[GenerateSerializer, Immutable, Alias("ot.CourseReport")]
public sealed record CourseReport(
    string CourseId,
    string Title,
    string? HostProvince,
    DateOnly? Start,
    DateOnly? End,
    CourseStatus Status,
    ImmutableArray<TopicTaught> Topics,
    ImmutableArray<TeachingMethod> Methods,
    ImmutableArray<ReportPerson> Lecturers,
    MaterialsTiming Materials,
    DateOnly? MaterialsSentOn,
    DateOnly? MaterialsDueBy,
    int Nominated,
    int Attended,
    int Evaluations);

/// <summary>Trainees one province sent (nominated) and how many of them attended, over the cycle.</summary>
[GenerateSerializer, Immutable, Alias("ot.ProvinceAttendance")]
public sealed record ProvinceAttendance(string ProvinceCode, string Name, int Nominated, int Attended);
