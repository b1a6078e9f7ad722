using System.Collections.Immutable;

namespace OrleansTraining.Grains.Materials;

/// <summary>Who asks: the board, a province's coordinator, a lecturer, or a nominated trainee through their link.</summary>
[GenerateSerializer, Alias("ot.MaterialsRole")]
public enum MaterialsRole
{
    Board,
    Province,
    Lecturer,
    Trainee,
}

/// <summary>The caller as the gateway authenticated them; <see cref="Id"/> is the province code, lecturer id or trainee id.</summary>
[GenerateSerializer, Immutable, Alias("ot.MaterialsReader")]
public sealed record MaterialsReader(MaterialsRole Role, string? Id);

/// <summary>A file for one topic of a course, as uploaded.</summary>
[GenerateSerializer, Immutable, Alias("ot.MaterialUpload")]
public sealed record MaterialUpload(string TopicCode, string FileName, byte[] Content);

[GenerateSerializer, Immutable, Alias("ot.MaterialView")]
public sealed record MaterialView(
    string Id,
    string TopicCode,
    string FileName,
    string ContentType,
    long Size,
    string Sha256,
    string UploadedBy,
    DateTimeOffset UploadedAt);

/// <summary>A file with its bytes, for download.</summary>
[GenerateSerializer, Immutable, Alias("ot.MaterialFile")]
public sealed record MaterialFile(MaterialView Material, byte[] Content);

/// <summary>
/// A course's materials: the files per topic, the topics still missing, and when every topic first had a file
/// (the materials were ready) — from <see cref="AvailableFrom"/> trainees may read them.
/// </summary>
[GenerateSerializer, Immutable, Alias("ot.CourseMaterials")]
public sealed record CourseMaterials(
    string CourseId,
    ImmutableArray<MaterialView> Files,
    ImmutableArray<string> MissingTopics,
    DateTimeOffset? ReadyAt,
    DateOnly? AvailableFrom);
