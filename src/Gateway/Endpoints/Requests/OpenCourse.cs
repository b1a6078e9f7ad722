using System.Collections.Immutable;
using OrleansTraining.Grains.Courses;

namespace OrleansTraining.Gateway.Endpoints.Requests;

/// <summary>A course a province may nominate to now: whom it is for, how many places are left, until when, and the province's own nominees.</summary>
public sealed record OpenCourse(
    string CourseId,
    string CycleId,
    string Title,
    string? HostProvince,
    DateOnly? Start,
    DateOnly? End,
    CourseAudience Audience,
    int QuotaPerProvince,
    int PlacesLeft,
    DateTimeOffset? NominationsCloseAt,
    ImmutableArray<NominatedTrainee> OwnNominees);
