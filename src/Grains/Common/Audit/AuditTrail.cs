using System.Collections.Immutable;
using System.Text.Json;

namespace OrleansTraining.Grains.Common.Audit;

/// <summary>
/// Writes an audit entry into an audited state as part of a change (pending there until it reaches the
/// <see cref="IAuditLog"/>), and reads the trail a page at a time from the log and the state. Who and which request
/// come from Orleans' RequestContext (<see cref="AuditContext"/>), the grain, method and clock from the running call's
/// <see cref="AuditScope"/>. A change that differs in nothing audited records nothing.
/// </summary>
internal static class AuditTrail
{
    public const int MaxPageSize = 100;

    /// <summary>
    /// <paramref name="next"/> with an entry for what differs from <paramref name="previous"/> (numbered after the
    /// entries recorded before it), and without the pending entries the running activation's <see cref="AuditFeed"/>
    /// has seen reach the audit log: they leave the state with this write, never with a write of their own. Unchanged
    /// when the state is not audited or there is nothing to add or drop. <paramref name="callerMember"/> names the
    /// operation of a timer tick.
    /// </summary>
    public static TState Record<TState>(TState previous, TState next, string callerMember)
    {
        if (next is not IAuditedState<TState> audited || previous is null)
        {
            return next;
        }

        var scope = AuditScope.Current;
        // From the state decided on: the entries and their numbering are the writer's, whatever the decision returned.
        var decidedOn = (IAuditedState<object>)previous;
        var before = AuditPending.Of(decidedOn);
        var pending = before.After(scope?.Feed?.LoggedThrough ?? 0);
        var changes = ReferenceEquals(previous, next) ? [] : Describe(previous, next);
        if (changes.IsEmpty && pending.Entries.Length == before.Entries.Length
            && audited.Audit == decidedOn.Audit && audited.AuditCount == decidedOn.AuditCount)
        {
            return next;
        }

        var entries = pending.Entries;
        if (!changes.IsEmpty)
        {
            entries = entries.Add(new AuditEntry(
                (scope?.Time ?? TimeProvider.System).GetUtcNow(),
                Context(AuditContext.Actor) ?? AuditContext.System,
                Context(AuditContext.Role) ?? AuditContext.System,
                Context(AuditContext.ActsFor),
                Context(AuditContext.RequestId),
                scope?.Grain ?? "",
                scope is { Operation.Length: > 0 } ? scope.Operation : AuditScopeFilter.Trim(callerMember),
                changes));
        }

        return audited.WithAudit(entries, before.Count + (changes.IsEmpty ? 0 : 1));
    }

    /// <summary>Throws the domain error naming the field when a page is asked for wrongly; <paramref name="page"/> counts from 1.</summary>
    public static void CheckPaging(int page, int pageSize)
    {
        if (page < 1)
        {
            throw new DomainValidationException("page", "'page' counts from 1.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            throw new DomainValidationException("pageSize", $"'pageSize' must be from 1 to {MaxPageSize}.");
        }
    }

    /// <summary>
    /// A page of the whole trail, newest first: the entries still pending in <paramref name="state"/> are the newest,
    /// then the log's, read below the oldest pending one (an entry already appended but not yet dropped from the
    /// state is counted once).
    /// </summary>
    public static async Task<AuditPage> PageAsync(IAuditLog log, string grainId, IAuditedState<object> state, int page, int pageSize)
    {
        CheckPaging(page, pageSize);
        var pending = AuditPending.Of(state);
        var skip = (long)(page - 1) * pageSize;
        var fromState = Enumerable.Range(0, pending.Entries.Length).Reverse().Select(i => pending.Entries[i])
            .Skip((int)Math.Min(skip, int.MaxValue)).Take(pageSize).ToImmutableArray();
        var fromLog = await log.ReadAsync(
            grainId, pending.FirstSequence, (int)Math.Min(Math.Max(0, skip - pending.Entries.Length), int.MaxValue), pageSize - fromState.Length);
        return new AuditPage(page, pageSize, fromLog.Total + pending.Entries.Length, fromState.AddRange(fromLog.Entries));
    }

    /// <summary>
    /// The changed fields. Describing them must never refuse a change the grain decided: should it fail, the entry still
    /// says who changed the state, when and in which request.
    /// </summary>
    private static ImmutableArray<AuditChange> Describe(object previous, object next)
    {
        try
        {
            return AuditDiff.Changes(previous, next);
        }
        catch (Exception exception) when (exception is NotSupportedException or InvalidOperationException or ArgumentException or JsonException)
        {
            return [new AuditChange("*", null, $"changed; the difference could not be described ({exception.GetType().Name})")];
        }
    }

    private static string? Context(string key) => RequestContext.Get(key) is string { Length: > 0 } value ? value : null;
}
