using System.Collections.Immutable;

namespace OrleansTraining.Grains.Security;

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ot.KeyRingState")]
public sealed record KeyRingState
{
    public ImmutableArray<KeyRingElement> Elements { get; init; } = [];
}

[GenerateSerializer, Immutable, Alias("ot.KeyRingElement")]
public sealed record KeyRingElement(string Name, string Xml);
