using System.Collections.Immutable;
using OrleansTraining.Planner.Search;

namespace OrleansTraining.Planner.Cycle.Samples;

/// <summary>
/// Deterministic synthetic cycles for tests and benchmarks. Scale 1 is national: 34 provinces, 20 courses,
/// 10 topics, 60 lecturers; scale k multiplies courses and lecturers by k. The cycle runs two years from
/// 2026-01-05 with weekends and Tết blocked; courses are 3–5 days, one per (region, audience) in turn.
/// </summary>
public static class CycleInstanceGenerator
{
    private static readonly string[] Audiences = ["provincial-division-heads", "district-board-heads", "provincial-specialists"];

    public static CycleProblem Generate(int scale = 1, long seed = 1)
    {
        var random = new SplitMix64(seed);
        var start = new DateOnly(2026, 1, 5);
        var end = start.AddYears(2).AddDays(-1);
        var cycle = new PlanningCycle(start, end,
        [
            new BlockedPeriod(new DateOnly(2026, 2, 12), new DateOnly(2026, 2, 22), "Tết 2026"),
            new BlockedPeriod(new DateOnly(2027, 2, 3), new DateOnly(2027, 2, 12), "Tết 2027"),
            new BlockedPeriod(new DateOnly(2026, 4, 30), new DateOnly(2026, 5, 1), "Reunification Day, Labour Day"),
            new BlockedPeriod(new DateOnly(2027, 4, 30), new DateOnly(2027, 5, 1), "Reunification Day, Labour Day"),
            new BlockedPeriod(new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 2), "National Day"),
            new BlockedPeriod(new DateOnly(2027, 9, 1), new DateOnly(2027, 9, 2), "National Day"),
        ]);

        var provinces = VietnamProvinces.All.Select(p => new Province(
            p.Code, p.Name, p.Latitude, p.Longitude,
            Capacity: 30 + 10 * random.Next(8),
            UnavailableDates: [.. Enumerable.Range(0, 10).Select(_ => start.AddDays(random.Next(730)))],
            HostedPreviousCycle: random.Next(4) == 0) { Region = p.Region }).ToImmutableArray();

        var departments = Enumerable.Range(1, 5).Select(d => $"vu-{d}").ToArray();
        var topics = Enumerable.Range(1, 10).Select(t => new Topic($"T{t:00}", $"Topic {t}", departments[(t - 1) / 2])).ToImmutableArray();

        var lecturers = Enumerable.Range(1, 60 * scale).Select(i =>
        {
            var main = random.Next(topics.Length);
            var second = random.Next(topics.Length);
            var home = random.Next(10) < 7 ? "ha-noi" : provinces[random.Next(provinces.Length)].Code;
            return new Lecturer($"L{i:000}", $"Lecturer {i}", home, topics[main].Department,
                [.. new[] { topics[main].Id, topics[second].Id }.Distinct()],
                [.. Enumerable.Range(0, 20).Select(_ => start.AddDays(random.Next(730)))],
                MaxSessions: 12);
        }).ToImmutableArray();

        var regions = VietnamProvinces.All.GroupBy(p => p.Region).Select(g => g.Select(p => p.Code).ToArray()).ToArray();
        var courses = Enumerable.Range(1, 20 * scale).Select(i =>
        {
            var region = regions[i % regions.Length];
            var days = 3 + random.Next(3);
            var sessions = Enumerable.Range(0, days * 2).Select(k => topics[(i + k) % topics.Length].Id)
                .GroupBy(t => t).Select(g => new TopicSessions(g.Key, g.Count())).ToImmutableArray();
            var trainees = region.ToImmutableDictionary(p => p, _ => 4 + random.Next(5));
            // Candidate hosts: the course's own region plus two provinces elsewhere.
            var hosts = region.Concat([provinces[random.Next(provinces.Length)].Code, provinces[random.Next(provinces.Length)].Code]).Distinct().ToImmutableArray();
            return new Course($"C{i:000}", $"region-{i % regions.Length}", Audiences[i % Audiences.Length], days, sessions, hosts, trainees);
        }).ToList();

        // One field trip per national scale unit: four stops in the south and centre, like the 2005 trip.
        for (var k = 1; k <= scale; k++)
        {
            courses.Add(new Course($"F{k:000}", "national", "political-university-class", 0, [], [],
                ImmutableDictionary<string, int>.Empty.Add("ha-noi", 20))
            {
                Itinerary =
                [
                    new FieldTripStop("ho-chi-minh", 1, [new TopicSessions("T02", 2)]),
                    new FieldTripStop("can-tho", 1, [new TopicSessions("T03", 1), new TopicSessions("T04", 1)]),
                    new FieldTripStop("lam-dong", 1, [new TopicSessions("T05", 2)]),
                    new FieldTripStop("da-nang", 1, [new TopicSessions("T06", 2)]),
                ],
            });
        }

        return new CycleProblem(cycle, provinces, topics, lecturers, [.. courses]);
    }
}
