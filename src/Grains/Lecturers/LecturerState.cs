using System.Collections.Immutable;

namespace OrleansTraining.Grains.Lecturers;

public sealed record LecturerState
{
    public string FullName { get; init; } = "";

    public string Department { get; init; } = "";

    public ImmutableArray<string> QualifiedTopics { get; init; } = [];

    public string HomeProvince { get; init; } = "";

    public int MaxSessionsPerCycle { get; init; }

    public ImmutableArray<DateOnly> UnavailableDates { get; init; } = [];

    public ImmutableArray<AssignmentView> Assignments { get; init; } = [];
}
