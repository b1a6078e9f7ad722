using System.Collections.Immutable;

namespace OrleansTraining.Grains.Registry;

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ot.RegistryState")]
public sealed record RegistryState
{
    public ImmutableArray<string> CycleIds { get; init; } = [];

    public ImmutableArray<string> CourseIds { get; init; } = [];

    public ImmutableArray<string> LecturerIds { get; init; } = [];

    public ImmutableArray<string> FieldTripIds { get; init; } = [];

    /// <summary>Decisions no grain could hold, oldest first, bounded (see <see cref="RegistryGrain.UndeliverableKept"/>).</summary>
    public ImmutableArray<UndeliverableDecision> Undeliverable { get; init; } = [];
}
