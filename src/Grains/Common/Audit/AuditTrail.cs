using System.Collections.Immutable;
using System.Text.Json;

namespace OrleansTraining.Grains.Common.Audit;

/// <summary>
/// Writes an audit entry into an audited state as part of a change, and reads the trail a page at a time. Who and
/// which request come from Orleans' RequestContext (<see cref="AuditContext"/>), the grain, method and clock from the
/// running call's <see cref="AuditScope"/>. A change that differs in nothing audited records nothing.
/// </summary>
internal static class AuditTrail
{
    /// <summary>The trail keeps the newest entries per grain; older ones drop off (a bound on the state's size).</summary>
    public const int MaxEntries = 1000;

    public const int MaxPageSize = 100;

    /// <summary>
    /// <paramref name="next"/> with an entry for what differs from <paramref name="previous"/>; unchanged when the state
    /// is not audited or nothing audited differs. <paramref name="callerMember"/> names the operation of a timer tick.
    /// </summary>
    public static TState Record<TState>(TState previous, TState next, string callerMember)
    {
        if (next is not IAuditedState<TState> audited || ReferenceEquals(previous, next) || previous is null)
        {
            return next;
        }

        var changes = Describe(previous, next);
        if (changes.IsEmpty)
        {
            return next;
        }

        var scope = AuditScope.Current;
        var entry = new AuditEntry(
            (scope?.Time ?? TimeProvider.System).GetUtcNow(),
            Context(AuditContext.Actor) ?? AuditContext.System,
            Context(AuditContext.Role) ?? AuditContext.System,
            Context(AuditContext.ActsFor),
            Context(AuditContext.RequestId),
            scope?.Grain ?? "",
            scope is { Operation.Length: > 0 } ? scope.Operation : AuditScopeFilter.Trim(callerMember),
            changes);
        var log = (audited.Audit.IsDefault ? [] : audited.Audit).Add(entry);
        return audited.WithAudit(log.Length > MaxEntries ? log.RemoveRange(0, log.Length - MaxEntries) : log);
    }

    /// <summary>Newest first; <paramref name="page"/> counts from 1.</summary>
    public static AuditPage Page(ImmutableArray<AuditEntry> audit, int page, int pageSize)
    {
        if (page < 1)
        {
            throw new DomainValidationException("page", "'page' counts from 1.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            throw new DomainValidationException("pageSize", $"'pageSize' must be from 1 to {MaxPageSize}.");
        }

        var log = audit.IsDefault ? [] : audit;
        var skip = (long)(page - 1) * pageSize;
        var entries = skip >= log.Length
            ? []
            : Enumerable.Range(0, (int)Math.Min(pageSize, log.Length - skip)).Select(i => log[log.Length - 1 - (int)skip - i]).ToImmutableArray();
        return new AuditPage(page, pageSize, log.Length, entries);
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
