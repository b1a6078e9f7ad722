namespace OrleansTraining.Grains.Common.Audit;

/// <summary>
/// A grain whose state records its own audit trail: the feed that takes the entries on to the audit log, the board's
/// paged reading of the trail, and the entries still pending flushed before the activation goes. The grain says where
/// its state is and how it refuses a trail of something that does not exist.
/// </summary>
public abstract class AuditedGrain : Grain, IAuditedGrain, IAuditFeedSource
{
    private AuditFeed? _auditFeed;

    AuditFeed IAuditFeedSource.AuditFeed => Feed;

    private AuditFeed Feed => _auditFeed ??= AuditFeed.For(this, () => AuditedState);

    /// <summary>The grain's state as it is now: its pending entries and how many were ever recorded.</summary>
    private protected abstract IAuditedState<object> AuditedState { get; }

    /// <summary>Refuses (as the grain's other reads do) when there is no trail to read.</summary>
    private protected abstract void EnsureAuditable();

    public Task<AuditPage> GetAuditAsync(int page, int pageSize)
    {
        AuditTrail.CheckPaging(page, pageSize);
        EnsureAuditable();
        return Feed.PageAsync(page, pageSize);
    }

    /// <summary>Entries still pending in the state go to the audit log before the activation does (kept pending if that fails, or if it failed lately).</summary>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Feed.FlushOnDeactivationAsync();
}
