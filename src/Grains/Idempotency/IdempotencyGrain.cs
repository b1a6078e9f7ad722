using Microsoft.Extensions.Options;
using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.Idempotency;

/// <summary>
/// One caller's Idempotency-Key. The grain runs one call at a time, so of two requests racing with the same key exactly
/// one claims it. Records expire lazily: a completed answer older than Limits:IdempotencyRetention, or a claim older
/// than Limits:IdempotencyClaimTimeout that never completed (its node died mid-request), counts as no record at all.
/// </summary>
public sealed class IdempotencyGrain(
    [PersistentState("idempotency", GrainStorage.Name)] IPersistentState<IdempotencyState> record,
    TimeProvider time,
    IOptions<LimitOptions> limits) : Grain, IIdempotencyGrain
{
    public async Task<IdempotencyClaim> ClaimAsync(string requestHash)
    {
        var now = time.GetUtcNow();
        if (Live(now) is { } current)
        {
            if (!string.Equals(current.RequestHash, requestHash, StringComparison.Ordinal))
            {
                return new IdempotencyClaim(IdempotencyOutcome.Mismatch);
            }

            return current.Answer is { } answer
                ? new IdempotencyClaim(IdempotencyOutcome.Replay, answer)
                : new IdempotencyClaim(IdempotencyOutcome.InProgress);
        }

        record.State = new IdempotencyState { RequestHash = requestHash, ClaimedAt = now };
        await record.WriteStateAsync();
        return new IdempotencyClaim(IdempotencyOutcome.Claimed);
    }

    public async Task CompleteAsync(string requestHash, StoredAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (!IsOpenClaim(requestHash))
        {
            return;
        }

        record.State = record.State with { Answer = answer, CompletedAt = time.GetUtcNow() };
        await record.WriteStateAsync();
    }

    public async Task ReleaseAsync(string requestHash)
    {
        if (IsOpenClaim(requestHash))
        {
            await record.ClearStateAsync();
        }
    }

    private bool IsOpenClaim(string requestHash) =>
        record.RecordExists && record.State.Answer is null && string.Equals(record.State.RequestHash, requestHash, StringComparison.Ordinal);

    /// <summary>The record unless it expired.</summary>
    private IdempotencyState? Live(DateTimeOffset now)
    {
        if (!record.RecordExists || record.State.RequestHash.Length == 0)
        {
            return null;
        }

        var state = record.State;
        var expired = state.CompletedAt is { } completed
            ? now - completed >= limits.Value.IdempotencyRetention
            : now - state.ClaimedAt >= limits.Value.IdempotencyClaimTimeout;
        return expired ? null : state;
    }
}
