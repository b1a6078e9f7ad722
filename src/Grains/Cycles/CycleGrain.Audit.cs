using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Common.Audit;

namespace OrleansTraining.Grains.Cycles;

public sealed partial class CycleGrain : IAuditedGrain, IAuditFeedSource
{
    private AuditFeed? _auditFeed;

    AuditFeed IAuditFeedSource.AuditFeed => Feed;

    private AuditFeed Feed => _auditFeed ??= AuditFeed.For(this, () => state.State);

    public Task<AuditPage> GetAuditAsync(int page, int pageSize)
    {
        AuditTrail.CheckPaging(page, pageSize);
        EnsureExists();
        return Feed.PageAsync(page, pageSize);
    }

    /// <summary>
    /// Entries still pending in the state go to the audit log before the activation does (kept pending if that fails, or if
    /// it failed lately); a planning run's engine stops (the next activation starts the stored run again).
    /// </summary>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        StopEngineOnDeactivation();
        return Feed.FlushOnDeactivationAsync();
    }
}
