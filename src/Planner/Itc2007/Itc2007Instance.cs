using System.Collections.Immutable;

namespace OrleansTraining.Planner.Itc2007;

public sealed record Itc2007Course(string Id, string Teacher, int Lectures, int MinWorkingDays, int Students);

public sealed record Itc2007Room(string Id, int Capacity);

public sealed record Itc2007Curriculum(string Id, ImmutableArray<int> Courses);

/// <summary>An ITC-2007 track 3 (curriculum-based course timetabling) instance; periods are numbered day * PeriodsPerDay + slot.</summary>
public sealed record Itc2007Instance(
    string Name,
    int Days,
    int PeriodsPerDay,
    ImmutableArray<Itc2007Course> Courses,
    ImmutableArray<Itc2007Room> Rooms,
    ImmutableArray<Itc2007Curriculum> Curricula,
    ImmutableArray<(int Course, int Period)> Unavailability)
{
    public int Periods => Days * PeriodsPerDay;

    public int TotalLectures => Courses.Sum(c => c.Lectures);
}
