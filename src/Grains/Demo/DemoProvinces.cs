using System.Collections.Immutable;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.Demo;

/// <summary>Venue capacities, a few blocked dates, and who hosted the 2025–2026 cycle (so the rotation has something to rotate from).</summary>
public static class DemoProvinces
{
    public const string PreviousCycleId = "2025-2026";

    /// <summary>Hosts of the demo's previous cycle; the planner moves away from them.</summary>
    public static ImmutableArray<(string Code, DateOnly Start)> PreviousCycleHosts { get; } =
    [
        ("ha-noi", new(2025, 9, 8)), ("da-nang", new(2025, 10, 13)), ("ho-chi-minh", new(2025, 11, 10)),
        ("can-tho", new(2026, 3, 9)), ("nghe-an", new(2026, 4, 13)), ("thai-nguyen", new(2026, 5, 11)),
    ];

    public static ProvinceSettings SettingsFor(ProvinceInfo province)
    {
        // Cities have conference halls; mountain provinces smaller ones.
        var capacity = province.Kind == "city" ? 150
            : province.Region == "Northern Midlands and Mountains" ? 60
            : 100;
        ImmutableArray<DateOnly> blocked = province.Code switch
        {
            "hue" => [new(2028, 4, 24), new(2028, 4, 25), new(2028, 4, 26), new(2028, 4, 27), new(2028, 4, 28)], // Festival Huế
            "da-nang" => [new(2027, 6, 7), new(2027, 6, 8), new(2027, 6, 9), new(2027, 6, 10), new(2027, 6, 11)], // fireworks festival
            _ => [],
        };
        return new ProvinceSettings(capacity, blocked);
    }
}
