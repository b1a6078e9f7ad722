using System.Collections.Immutable;

namespace OrleansTraining.Grains.Provinces;

/// <summary>The fixed facts of a provincial-level unit since 1 July 2025 (from provinces-2025.csv).</summary>
[GenerateSerializer, Immutable, Alias("ot.ProvinceInfo")]
public sealed record ProvinceInfo(
    string Code,
    string NameVi,
    string NameEn,
    string Kind,
    string Region,
    string Centre,
    double Latitude,
    double Longitude,
    ImmutableArray<string> AbsorbedVi);
