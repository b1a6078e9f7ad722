namespace OrleansTraining.Grains.Idempotency;

/// <summary>
/// The record of one Idempotency-Key of one caller, keyed "&lt;caller&gt;:&lt;key&gt;". It lives in a grain, not in a
/// gateway's memory, so a retry that reaches another node finds it. The gateway claims the key before it runs the
/// request, completes it with the answer, or releases it when the request failed on our side (a 5xx may be retried).
/// </summary>
[Alias("ot.IIdempotencyGrain")]
public interface IIdempotencyGrain : IGrainWithStringKey
{
    /// <summary>Claims the key for a request with this hash, or says why not: done already (with its answer), another request, or still running.</summary>
    Task<IdempotencyClaim> ClaimAsync(string requestHash);

    /// <summary>Records the answer of the request that claimed the key; it is replayed until the record expires.</summary>
    Task CompleteAsync(string requestHash, StoredAnswer answer);

    /// <summary>Forgets an uncompleted claim, so the same request may be tried again.</summary>
    Task ReleaseAsync(string requestHash);
}
