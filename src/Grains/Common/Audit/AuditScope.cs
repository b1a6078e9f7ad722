namespace OrleansTraining.Grains.Common.Audit;

/// <summary>
/// The grain call a state change happens in: which grain, which method, and the grains' clock. Set by
/// <see cref="AuditScopeFilter"/> around every incoming call (timer ticks and reminders included), read by
/// <see cref="AuditTrail"/>, so <c>StateUpdates.UpdateAsync</c> needs no extra argument at its call sites.
/// </summary>
internal sealed record AuditScope(string Grain, string Operation, TimeProvider Time)
{
    private static readonly AsyncLocal<AuditScope?> CurrentScope = new();

    /// <summary>The scope of the running grain call; null outside one (then the system clock and no grain name).</summary>
    public static AuditScope? Current
    {
        get => CurrentScope.Value;
        set => CurrentScope.Value = value;
    }

    /// <summary>The audited grain's feed to the audit log; null for a grain that is not audited.</summary>
    public AuditFeed? Feed { get; init; }
}
