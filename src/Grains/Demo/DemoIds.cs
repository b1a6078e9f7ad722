using System.Collections.Immutable;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.Demo;

/// <summary>The stable ids the demo data uses, so the gateway can create accounts "board", "province-&lt;code&gt;", "lecturer-&lt;id&gt;".</summary>
public static class DemoIds
{
    /// <summary>The cycle ready to plan (Draft).</summary>
    public const string CycleId = "2027-2028";

    /// <summary>The historical cycle (Closed) holding the 2012 course; its report shows who sent nobody.</summary>
    public const string HistoricalCycleId = "2011-2012";

    /// <summary>The 2012 course of the source document (status Reported).</summary>
    public const string Course2012Id = "2011-2012-c01";

    /// <summary>The class (course) of the 2005 field trip: Political University degree in organisation work, intake 4.</summary>
    public const string ClassCourseId = "dhct-to-chuc-k4";

    /// <summary>The 2005 field trip, trip 3 of 4.</summary>
    public const string FieldTrip2005Id = "dhct-to-chuc-k4-trip-3";

    public const string Curriculum2012 = "2012";

    public const string Curriculum2027 = "2027";

    /// <summary>"l01" … "l40".</summary>
    public static ImmutableArray<string> LecturerIds { get; } = [.. Enumerable.Range(1, 40).Select(i => $"l{i:00}")];

    public static ImmutableArray<string> ProvinceCodes => ProvinceDirectory.Codes;
}
