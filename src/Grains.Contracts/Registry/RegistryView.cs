using System.Collections.Immutable;

namespace OrleansTraining.Grains.Registry;

[GenerateSerializer, Immutable, Alias("ot.RegistryView")]
public sealed record RegistryView(
    ImmutableArray<string> CycleIds,
    ImmutableArray<string> CourseIds,
    ImmutableArray<string> LecturerIds,
    ImmutableArray<string> FieldTripIds);
