using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace OrleansTraining.Planner.Itc2007;

public readonly record struct Itc2007Placement(int Course, int Period, int Room);

/// <summary>One placement per lecture, in the competition's output order (course by course).</summary>
public sealed record Itc2007Solution(Itc2007Instance Instance, ImmutableArray<Itc2007Placement> Placements)
{
    /// <summary>The competition's format: one line per lecture, "course room day period".</summary>
    public string ToCompetitionFormat()
    {
        var text = new StringBuilder();
        foreach (var p in Placements)
        {
            text.Append(Instance.Courses[p.Course].Id).Append(' ')
                .Append(Instance.Rooms[p.Room].Id).Append(' ')
                .Append((p.Period / Instance.PeriodsPerDay).ToString(CultureInfo.InvariantCulture)).Append(' ')
                .Append((p.Period % Instance.PeriodsPerDay).ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return text.ToString();
    }
}
