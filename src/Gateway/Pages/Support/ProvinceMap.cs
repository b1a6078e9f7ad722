using System.Collections.Immutable;
using System.Globalization;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Gateway.Pages.Support;

/// <summary>How a province stands in a cycle's hosting, strongest first: a confirmed course outweighs a declined one.</summary>
public enum HostingMark
{
    Confirmed,
    Awaiting,
    Planned,
    Declined,
    None,
}

public sealed record MapPoint(string Code, double X, double Y, HostingMark Mark);

/// <summary>
/// The 34 provinces as points of an SVG drawn from their centres' latitude and longitude (an equirectangular
/// projection is close enough for a country 15 degrees tall), each marked by its hosting in the cycle.
/// </summary>
public static class ProvinceMap
{
    public const double Width = 240;
    public const double Height = 440;
    private const double West = 102.0, East = 110.2, North = 23.6, South = 8.4;

    public static ImmutableArray<MapPoint> Points(IEnumerable<CourseView> courses)
    {
        var marks = new Dictionary<string, HostingMark>(StringComparer.Ordinal);
        foreach (var course in courses)
        {
            foreach (var declined in course.DeclinedByProvinces)
            {
                Mark(marks, declined, HostingMark.Declined);
            }

            if (course.HostProvince is { } host)
            {
                Mark(marks, host, course.Status switch
                {
                    CourseStatus.HostConfirmed or CourseStatus.Held or CourseStatus.Reported => HostingMark.Confirmed,
                    CourseStatus.Published => HostingMark.Awaiting,
                    CourseStatus.Planned => HostingMark.Planned,
                    _ => HostingMark.None,
                });
            }
        }

        return [.. ProvinceDirectory.All.Select(p =>
        {
            var (x, y) = Project(p.Code);
            return new MapPoint(p.Code, x, y, marks.GetValueOrDefault(p.Code, HostingMark.None));
        })];
    }

    /// <summary>Where a province's centre falls on the map.</summary>
    public static (double X, double Y) Project(string code)
    {
        var province = ProvinceDirectory.Get(code);
        return (Math.Round((province.Longitude - West) / (East - West) * Width, 1), Math.Round((North - province.Latitude) / (North - South) * Height, 1));
    }

    public static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    public static string CssClass(HostingMark mark) => $"m-{mark.ToString().ToLowerInvariant()}";

    private static void Mark(Dictionary<string, HostingMark> marks, string code, HostingMark mark)
    {
        if (!marks.TryGetValue(code, out var current) || mark < current)
        {
            marks[code] = mark;
        }
    }
}
