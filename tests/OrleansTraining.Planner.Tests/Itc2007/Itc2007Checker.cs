using System.Globalization;

namespace OrleansTraining.Planner.Tests.Itc2007;

/// <summary>
/// An independent validator for ITC-2007 track 3 solutions, written from the published rules and sharing
/// no code with the solver (it has its own parser). Hard counts: Lectures = missing lectures plus
/// extra lectures of a course in one period; RoomOccupancy = lectures beyond the first in a room and period;
/// Conflicts = pairs of lectures of two distinct conflicting courses (same curriculum or teacher) in one
/// period; Availability = lectures in an unavailable period.
/// </summary>
internal static class Itc2007Checker
{
    public sealed record Result(IReadOnlyDictionary<string, int> Hard, IReadOnlyDictionary<string, int> Soft)
    {
        public int Violations => Hard.Values.Sum();
        public int Cost => Soft.Values.Sum();
    }

    private sealed record Course(string Teacher, int Lectures, int MinDays, int Students);

    public static Result Check(string instanceText, string solutionText)
    {
        var courses = new Dictionary<string, Course>();
        var rooms = new Dictionary<string, int>();
        var curricula = new List<string[]>();
        var unavailable = new HashSet<(string, int, int)>();
        int periodsPerDay = 0;
        string section = "";
        foreach (var raw in instanceText.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line == "END.")
                continue;
            var f = line.Split(' ', '\t').Where(x => x.Length > 0).ToArray();
            if (line.StartsWith("Periods_per_day:", StringComparison.Ordinal))
                periodsPerDay = N(f[1]);
            else if (line is "COURSES:" or "ROOMS:" or "CURRICULA:" or "UNAVAILABILITY_CONSTRAINTS:")
                section = line;
            else if (section == "COURSES:")
                courses[f[0]] = new Course(f[1], N(f[2]), N(f[3]), N(f[4]));
            else if (section == "ROOMS:")
                rooms[f[0]] = N(f[1]);
            else if (section == "CURRICULA:")
                curricula.Add(f.Skip(2).ToArray());
            else if (section == "UNAVAILABILITY_CONSTRAINTS:")
                unavailable.Add((f[0], N(f[1]), N(f[2])));
        }

        var lectures = solutionText.Split('\n')
            .Select(l => l.Split(' ', '\t').Where(x => x.Length > 0).ToArray())
            .Where(f => f.Length == 4)
            .Select(f => (Course: f[0], Room: f[1], Day: N(f[2]), Period: N(f[3])))
            .ToList();

        var hard = new Dictionary<string, int> { ["Lectures"] = 0, ["RoomOccupancy"] = 0, ["Conflicts"] = 0, ["Availability"] = 0 };
        var soft = new Dictionary<string, int> { ["RoomCapacity"] = 0, ["MinimumWorkingDays"] = 0, ["CurriculumCompactness"] = 0, ["RoomStability"] = 0 };

        foreach (var (id, course) in courses)
        {
            var mine = lectures.Where(l => l.Course == id).ToList();
            hard["Lectures"] += Math.Max(0, course.Lectures - mine.Count);
            hard["Lectures"] += mine.GroupBy(l => (l.Day, l.Period)).Sum(g => g.Count() - 1);
            soft["MinimumWorkingDays"] += 5 * Math.Max(0, course.MinDays - mine.Select(l => l.Day).Distinct().Count());
            soft["RoomStability"] += Math.Max(0, mine.Select(l => l.Room).Distinct().Count() - 1);
        }

        hard["RoomOccupancy"] = lectures.GroupBy(l => (l.Room, l.Day, l.Period)).Sum(g => g.Count() - 1);
        hard["Availability"] = lectures.Count(l => unavailable.Contains((l.Course, l.Day, l.Period)));
        soft["RoomCapacity"] = lectures.Sum(l => Math.Max(0, courses[l.Course].Students - rooms[l.Room]));

        var ids = courses.Keys.ToList();
        for (var i = 0; i < ids.Count; i++)
        {
            for (var j = i + 1; j < ids.Count; j++)
            {
                var (a, b) = (ids[i], ids[j]);
                var conflicting = courses[a].Teacher == courses[b].Teacher || curricula.Any(q => q.Contains(a) && q.Contains(b));
                if (!conflicting)
                    continue;
                hard["Conflicts"] += lectures.Where(l => l.Course == a)
                    .Sum(la => lectures.Count(lb => lb.Course == b && lb.Day == la.Day && lb.Period == la.Period));
            }
        }

        foreach (var curriculum in curricula)
        {
            var slots = lectures.Where(l => curriculum.Contains(l.Course)).Select(l => (l.Day, l.Period)).ToList();
            var occupied = slots.ToHashSet();
            soft["CurriculumCompactness"] += 2 * slots.Count(s =>
                !occupied.Contains((s.Day, s.Period - 1)) && !occupied.Contains((s.Day, s.Period + 1)));
        }

        _ = periodsPerDay;
        return new Result(hard, soft);
    }

    private static int N(string s) => int.Parse(s, CultureInfo.InvariantCulture);
}
