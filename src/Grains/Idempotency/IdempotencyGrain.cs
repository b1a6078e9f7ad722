using Microsoft.Extensions.Options;
using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.Idempotency;

/// <summary>
/// One caller's Idempotency-Key. The grain runs one call at a time, so of two requests racing with the same key exactly
/// one claims it. Records expire lazily: a completed answer older than Limits:IdempotencyRetention, or a claim older
/// than Limits:IdempotencyClaimTimeout that never completed (its node died mid-request), counts as no record at all.
/// A durable sweep clears them also when the key is never seen again: the claim registers the reminder
/// <see cref="SweepReminder"/> due when the claim would time out; each tick re-arms it for when the record expires, or
/// clears the record, drops the reminder and lets the activation go.
/// </summary>
public sealed class IdempotencyGrain(
    [PersistentState("idempotency", GrainStorage.Name)] IPersistentState<IdempotencyState> record,
    TimeProvider time,
    IOptions<LimitOptions> limits) : Grain, IIdempotencyGrain, IRemindable
{
    public const string SweepReminder = "expire";

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

        // The sweep exists before the record does, so no record outlives its expiry unswept. Only here: completing
        // moves the expiry on, and the first tick re-arms the reminder for it rather than every request paying twice.
        await this.RegisterDeadlineAsync(SweepReminder, now + limits.Value.IdempotencyClaimTimeout, time);
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

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != SweepReminder)
        {
            await this.UnregisterIfPresentAsync(reminderName);
            return;
        }

        if (Live(time.GetUtcNow()) is { } live)
        {
            await this.RegisterDeadlineAsync(SweepReminder, ExpiresAt(live), time);
            return;
        }

        if (record.RecordExists)
        {
            await record.ClearStateAsync();
        }

        await this.UnregisterIfPresentAsync(SweepReminder);
        DeactivateOnIdle();
    }

    private DateTimeOffset ExpiresAt(IdempotencyState state) => state.CompletedAt is { } completed
        ? completed + limits.Value.IdempotencyRetention
        : state.ClaimedAt + limits.Value.IdempotencyClaimTimeout;

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
        return now >= ExpiresAt(state) ? null : state;
    }
}
