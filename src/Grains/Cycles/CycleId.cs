using System.Globalization;
using System.Text.RegularExpressions;
using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.Cycles;

/// <summary>A two-yearly cycle id "yyyy-yyyy" (consecutive years, e.g. "2027-2028").</summary>
public static partial class CycleId
{
    public static (int FirstYear, int SecondYear) Parse(string id)
    {
        var match = Pattern().Match(id ?? "");
        if (!match.Success)
        {
            throw new DomainValidationException("cycleId", $"'{id}' is not a cycle id like 2027-2028.");
        }

        var first = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var second = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (second != first + 1)
        {
            throw new DomainValidationException("cycleId", $"'{id}' must name two consecutive years.");
        }

        return (first, second);
    }

    /// <summary>The cycle two years later (the cycle is held every two years).</summary>
    public static string Next(string id)
    {
        var (first, second) = Parse(id);
        return Format(first + 2, second + 2);
    }

    public static string Previous(string id)
    {
        var (first, second) = Parse(id);
        return Format(first - 2, second - 2);
    }

    private static string Format(int first, int second) => string.Create(CultureInfo.InvariantCulture, $"{first}-{second}");

    [GeneratedRegex("^([0-9]{4})-([0-9]{4})$")]
    private static partial Regex Pattern();
}
