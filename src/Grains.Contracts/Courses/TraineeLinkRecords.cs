using System.Collections.Immutable;

namespace OrleansTraining.Grains.Courses;

/// <summary>
/// A nominated trainee's personal, reusable link to their course and its materials; the token is shown once, the course
/// keeps only its hash. Issuing again replaces it (the old token stops working).
/// </summary>
[GenerateSerializer, Immutable, Alias("ot.TraineeLink")]
public sealed record TraineeLink(string TraineeId, string ProvinceCode, string FullName, string Token);

/// <summary>
/// What a trainee's link shows: their course (the venue once the host confirmed it), its sessions, and from which day
/// the materials open to them (<see cref="MaterialsOpen"/> once that day has come).
/// </summary>
[GenerateSerializer, Immutable, Alias("ot.TraineeCourseView")]
public sealed record TraineeCourseView(
    string CourseId,
    string TraineeId,
    string TraineeName,
    string Title,
    CourseStatus Status,
    string? HostProvince,
    DateOnly? Start,
    DateOnly? End,
    string? Venue,
    ImmutableArray<EvaluationSession> Sessions,
    DateOnly? MaterialsFrom,
    bool MaterialsOpen);
