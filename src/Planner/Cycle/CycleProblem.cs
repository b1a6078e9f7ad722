using System.Collections.Immutable;

namespace OrleansTraining.Planner.Cycle;

/// <summary>
/// A candidate host or field-trip stop. Capacity is the trainees one of its rooms seats; <see cref="Rooms"/> how many
/// courses it can run on the same day (one room each).
/// </summary>
public sealed record Province(
    string Code,
    string Name,
    double Latitude,
    double Longitude,
    int Capacity,
    ImmutableArray<DateOnly> UnavailableDates,
    bool HostedPreviousCycle,
    int Rooms = 1)
{
    /// <summary>Courses it takes on one day: at least one (a venue that hosts at all has a room).</summary>
    public int CoursesPerDay => Math.Max(1, Rooms);

    /// <summary>The socio-economic region (of the six) the province belongs to; empty when unknown, which never costs.</summary>
    public string Region { get; init; } = "";
}

/// <summary>A curriculum topic (chuyên đề), owned by one of the board's departments (vụ).</summary>
public sealed record Topic(string Id, string Name, string Department);

public sealed record Lecturer(
    string Id,
    string Name,
    string HomeProvince,
    string Department,
    ImmutableArray<string> QualifiedTopics,
    ImmutableArray<DateOnly> UnavailableDates,
    int MaxSessions);

/// <summary>How many half-day sessions a course gives to one topic.</summary>
public sealed record TopicSessions(string TopicId, int Sessions);

/// <summary>One stop of a field trip: its province hosts the given days and sessions.</summary>
public sealed record FieldTripStop(string Province, int Days, ImmutableArray<TopicSessions> Sessions);

/// <summary>
/// A course for one region and audience. A classroom course runs <see cref="Days"/> consecutive days at one
/// host chosen among <see cref="CandidateHosts"/>; its sessions fill half-days in order (morning, afternoon).
/// A field trip has an <see cref="Itinerary"/> instead: ordered stops with travel days between them.
/// </summary>
public sealed record Course(
    string Id,
    string Region,
    string Audience,
    int Days,
    ImmutableArray<TopicSessions> Sessions,
    ImmutableArray<string> CandidateHosts,
    ImmutableDictionary<string, int> TraineesByProvince)
{
    public ImmutableArray<FieldTripStop> Itinerary { get; init; } = [];

    public bool IsFieldTrip => !Itinerary.IsDefaultOrEmpty;

    public int Enrolled => TraineesByProvince.Values.Sum();
}

public sealed record BlockedPeriod(DateOnly From, DateOnly To, string Reason);

/// <summary>The two-yearly cycle: its dates, blocked periods (Tết, public holidays) and whether weekends are usable.</summary>
public sealed record PlanningCycle(DateOnly Start, DateOnly End, ImmutableArray<BlockedPeriod> Blocked, bool AllowWeekends = false);

/// <summary>Decisions already confirmed outside the planner; the planner never moves them.</summary>
public sealed record Pins(
    ImmutableDictionary<string, string> ConfirmedHosts,
    ImmutableDictionary<string, DateOnly> ConfirmedStarts,
    ImmutableDictionary<string, string> AcceptedLecturers)
{
    public static readonly Pins None = new(
        ImmutableDictionary<string, string>.Empty,
        ImmutableDictionary<string, DateOnly>.Empty,
        ImmutableDictionary<string, string>.Empty);
}

/// <summary>A lecturer's refusal of one session: that lecturer may not be given that session again.</summary>
public sealed record Decline(string SessionId, string LecturerId);

public sealed record CycleProblem(
    PlanningCycle Cycle,
    ImmutableArray<Province> Provinces,
    ImmutableArray<Topic> Topics,
    ImmutableArray<Lecturer> Lecturers,
    ImmutableArray<Course> Courses)
{
    public Pins Pins { get; init; } = Pins.None;

    public ImmutableHashSet<Decline> Declines { get; init; } = [];

    /// <summary>Session ids are "courseId/index", sessions numbered in layout order from 0.</summary>
    public static string SessionId(string courseId, int index) => $"{courseId}/{index}";
}
