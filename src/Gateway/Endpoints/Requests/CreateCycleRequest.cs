namespace OrleansTraining.Gateway.Endpoints.Requests;

/// <summary>A new two-yearly cycle; <see cref="Id"/> is "yyyy-yyyy". Courses may also be added later by planning.</summary>
public sealed record CreateCycleRequest(
    string Id,
    DateOnly Start,
    DateOnly End,
    string CurriculumVersion,
    IReadOnlyList<CourseDraftRequest>? Courses = null);
