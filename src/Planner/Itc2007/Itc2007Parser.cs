using System.Collections.Immutable;
using System.Globalization;

namespace OrleansTraining.Planner.Itc2007;

/// <summary>Reads the competition's .ctt text format (the caller reads the file: this library does no I/O).</summary>
public static class Itc2007Parser
{
    public static Itc2007Instance Parse(string text)
    {
        var header = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var courses = ImmutableArray.CreateBuilder<Itc2007Course>();
        var rooms = ImmutableArray.CreateBuilder<Itc2007Room>();
        var curriculaLines = new List<string[]>();
        var unavailabilityLines = new List<string[]>();
        string? section = null;

        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0)
                continue;
            if (line.Equals("END.", StringComparison.OrdinalIgnoreCase))
                break;
            if (line.EndsWith(':') && !line.Contains(' ', StringComparison.Ordinal))
            {
                section = line[..^1].ToUpperInvariant();
                continue;
            }

            if (section is null)
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                    header[line[..colon].Trim()] = line[(colon + 1)..].Trim();
                continue;
            }

            var f = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            switch (section)
            {
                case "COURSES":
                    courses.Add(new Itc2007Course(f[0], f[1], Int(f[2]), Int(f[3]), Int(f[4])));
                    break;
                case "ROOMS":
                    rooms.Add(new Itc2007Room(f[0], Int(f[1])));
                    break;
                case "CURRICULA":
                    curriculaLines.Add(f);
                    break;
                case "UNAVAILABILITY_CONSTRAINTS":
                    unavailabilityLines.Add(f);
                    break;
                default:
                    throw new FormatException($"Unknown section '{section}'.");
            }
        }

        var days = Int(header["Days"]);
        var periodsPerDay = Int(header["Periods_per_day"]);
        var courseIndex = courses.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var curricula = curriculaLines
            .Select(f => new Itc2007Curriculum(f[0], f.Skip(2).Take(Int(f[1])).Select(id => courseIndex[id]).ToImmutableArray()))
            .ToImmutableArray();
        var unavailability = unavailabilityLines
            .Select(f => (courseIndex[f[0]], Int(f[1]) * periodsPerDay + Int(f[2])))
            .ToImmutableArray();
        return new Itc2007Instance(
            header.GetValueOrDefault("Name", ""), days, periodsPerDay,
            courses.ToImmutable(), rooms.ToImmutable(), curricula, unavailability);
    }

    private static int Int(string s) => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
