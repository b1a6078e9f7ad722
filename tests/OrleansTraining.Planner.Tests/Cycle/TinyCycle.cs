using System.Collections.Immutable;
using OrleansTraining.Planner.Cycle;

namespace OrleansTraining.Planner.Tests.Cycle;

/// <summary>
/// A hand-sized cycle: March 2026 (Mon 2 March to Tue 31 March), weekends blocked. Hà Nội and Bắc Ninh are
/// an evening's drive apart, Hồ Chí Minh City needs a travel day, Hải Phòng seats only 10.
/// </summary>
internal static class TinyCycle
{
    public static readonly DateOnly Monday = new(2026, 3, 2);

    public static CycleProblem Problem() => new(
        new PlanningCycle(Monday, new DateOnly(2026, 3, 31), []),
        [
            Province("ha-noi", 21.028, 105.854, 50),
            Province("bac-ninh", 21.273, 106.194, 50),
            Province("ho-chi-minh", 10.776, 106.700, 50),
            Province("hai-phong", 20.845, 106.688, 10),
        ],
        [new Topic("T1", "Cadre work", "A"), new Topic("T2", "Party members", "B")],
        [
            Lecturer("L1", "A", 10, "T1"),
            Lecturer("L2", "B", 10, "T1", "T2"),
            Lecturer("L3", "B", 10, "T2"),
        ],
        [
            Course("C1", ["ha-noi", "hai-phong", "bac-ninh"], "ha-noi"),
            Course("C2", ["ho-chi-minh"], "ho-chi-minh"),
        ]);

    public static Province Province(string code, double lat, double lon, int capacity) =>
        new(code, code, lat, lon, capacity, [], HostedPreviousCycle: false);

    public static Lecturer Lecturer(string id, string department, int maxSessions, params string[] topics) =>
        new(id, id, "ha-noi", department, [.. topics], [], maxSessions);

    /// <summary>One day: T1 in the morning, T2 in the afternoon; 20 trainees from <paramref name="traineesFrom"/>.</summary>
    public static Course Course(string id, string[] hosts, string traineesFrom) =>
        new(id, "r", "a", 1, [new TopicSessions("T1", 1), new TopicSessions("T2", 1)], [.. hosts],
            ImmutableDictionary<string, int>.Empty.Add(traineesFrom, 20));

    /// <summary>A hand-built plan: each course (host, start) and the lecturers of its two sessions.</summary>
    public static CyclePlan Plan(params (string Course, string Host, DateOnly Start, string? Morning, string? Afternoon)[] courses) =>
        new(
            [.. courses.Select(c => new CoursePlacement(c.Course, c.Host, c.Start, c.Start))],
            [.. courses.SelectMany(c => new[]
            {
                new SessionAssignment($"{c.Course}/0", c.Course, "T1", c.Start, HalfDay.Morning, c.Host, c.Morning),
                new SessionAssignment($"{c.Course}/1", c.Course, "T2", c.Start, HalfDay.Afternoon, c.Host, c.Afternoon),
            })],
            default);
}
