namespace OrleansTraining.Grains.Idempotency;

[GenerateSerializer, Alias("ot.IdempotencyOutcome")]
public enum IdempotencyOutcome
{
    /// <summary>The key is the caller's now: run the request, then complete or release it.</summary>
    Claimed,

    /// <summary>The same request completed before: answer with <see cref="IdempotencyClaim.Answer"/>.</summary>
    Replay,

    /// <summary>The key was used for another request (method, path or body differ).</summary>
    Mismatch,

    /// <summary>The same request runs right now (a retry that overtook it).</summary>
    InProgress,
}

[GenerateSerializer, Immutable, Alias("ot.IdempotencyClaim")]
public sealed record IdempotencyClaim(IdempotencyOutcome Outcome, StoredAnswer? Answer = null);

/// <summary>An answer as it went out: status, content type, Location (of a 201) and body.</summary>
[GenerateSerializer, Immutable, Alias("ot.StoredAnswer")]
public sealed record StoredAnswer(int Status, string? ContentType, string? Location, byte[] Body);
