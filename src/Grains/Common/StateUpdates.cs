using System.Runtime.CompilerServices;
using Orleans.Storage;
using OrleansTraining.Grains.Common.Audit;

namespace OrleansTraining.Grains.Common;

internal static class StateUpdates
{
    private const int Attempts = 3;

    /// <summary>The stored state of each persistent state whose next state is being written (see <see cref="Committed"/>).</summary>
    private static readonly ConditionalWeakTable<object, StrongBox<object?>> InFlight = new();

    /// <summary>
    /// The state as last stored: while <see cref="UpdateAsync"/> awaits the write of a decision, its previous state, else
    /// the current one. An <c>[AlwaysInterleave]</c> read answers from it, so it never waits behind a write and never
    /// shows a decision that is not stored yet (and may never be, should the write fail).
    /// </summary>
    public static TState Committed<TState>(this IPersistentState<TState> state) =>
        InFlight.TryGetValue(state, out var stored) ? (TState)stored.Value! : state.State;

    /// <summary>
    /// Decides the next state from the current one and writes it. <paramref name="decide"/> throws a domain exception
    /// when the change is not allowed, before anything is written. When another activation wrote first, the state is
    /// re-read and the decision made again on the fresh state (never a blind retry of the old decision). An audited
    /// state gets its audit entry in the same write (<see cref="AuditTrail"/>); a refused or failed write records none.
    /// After the write the grain's <see cref="AuditFeed"/> schedules the entry's append to the audit log.
    /// </summary>
    public static Task<TState> UpdateAsync<TState>(
        this IPersistentState<TState> state, Func<TState, TState> decide, [CallerMemberName] string operation = "") =>
        state.UpdateAsync(decide, beforeWrite: null, operation);

    /// <summary>
    /// As <see cref="UpdateAsync{TState}(IPersistentState{TState}, Func{TState, TState}, string)"/>, with
    /// <paramref name="beforeWrite"/> awaited between each decision (with the state decided) and
    /// its write: a refused decision never reaches it, and what it does is done before the decision is stored.
    /// </summary>
    public static async Task<TState> UpdateAsync<TState>(
        this IPersistentState<TState> state, Func<TState, TState> decide, Func<TState, Task>? beforeWrite, string operation)
    {
        // Only the outermost update of a state publishes what is stored: the grain's own turn is never interleaved with another
        // update of it, but this keeps a nested or interleaved one from clearing the marker early.
        var stored = new StrongBox<object?>(state.State);
        var publishes = InFlight.TryAdd(state, stored);
        try
        {
            return await DecideAndWriteAsync(state, decide, beforeWrite, operation, stored);
        }
        finally
        {
            if (publishes)
            {
                InFlight.Remove(state);
            }
        }
    }

    private static async Task<TState> DecideAndWriteAsync<TState>(
        IPersistentState<TState> state, Func<TState, TState> decide, Func<TState, Task>? beforeWrite, string operation, StrongBox<object?> stored)
    {
        for (var attempt = 1; ; attempt++)
        {
            var previous = state.State;
            var decided = decide(previous);
            if (beforeWrite is not null)
            {
                await beforeWrite(decided);
            }

            var next = AuditTrail.Record(previous, decided, operation);
            state.State = next;
            try
            {
                await state.WriteStateAsync();
                if (next is IAuditedState<object>)
                {
                    // The entry is stored with the change; its way on to the audit log starts now.
                    AuditScope.Current?.Feed?.Written();
                }

                return next;
            }
            catch (InconsistentStateException)
            {
                // Back to the last state read before reading again: if the read fails too (the database went down),
                // the grain must not keep a decision that was never written. Its stale ETag makes the next write
                // conflict and re-read, so the retry decides again on the stored state.
                state.State = previous;
                await state.ReadStateAsync();
                stored.Value = state.State;
                if (attempt == Attempts)
                {
                    throw new ConflictException(ConflictRules.ConcurrentUpdate, "The record changed concurrently; try again.");
                }
            }
            catch
            {
                state.State = previous;
                throw;
            }
        }
    }
}
