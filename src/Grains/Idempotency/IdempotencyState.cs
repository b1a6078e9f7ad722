namespace OrleansTraining.Grains.Idempotency;

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ot.IdempotencyState")]
public sealed record IdempotencyState
{
    /// <summary>SHA-256 of method, path, query and body of the request that claimed the key.</summary>
    public string RequestHash { get; init; } = "";

    public DateTimeOffset ClaimedAt { get; init; }

    /// <summary>Null while the request runs.</summary>
    public StoredAnswer? Answer { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }
}
