using System.Collections.Immutable;
using OrleansTraining.Grains.Lecturers;

namespace OrleansTraining.Grains.Planning;

/// <summary>
/// A province as a planner sees it. <see cref="HostedLastCycle"/> pushes it to the back of the rotation; <see cref="Rooms"/>
/// courses can run there on the same day.
/// </summary>
public sealed record PlanningProvince(
    string Code,
    int VenueCapacity,
    ImmutableArray<DateOnly> UnavailableDates,
    bool HostedLastCycle,
    int TimesHosted,
    int Rooms = 1);

/// <summary>
/// A lecturer as a planner sees it: <see cref="Bookings"/> are the half-days already committed (accepted or offered) anywhere,
/// <see cref="SessionsInCycle"/> how many of them count against this cycle's maximum.
/// </summary>
public sealed record PlanningLecturer(
    string Id,
    ImmutableArray<string> QualifiedTopics,
    ImmutableArray<DateOnly> UnavailableDates,
    int MaxSessionsPerCycle,
    ImmutableArray<Booking> Bookings,
    int SessionsInCycle);
