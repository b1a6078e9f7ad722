using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Common.Audit;

namespace OrleansTraining.Grains.Provinces;

public sealed partial class ProvinceGrain : IAuditedGrain, IAuditFeedSource
{
    private AuditFeed? _auditFeed;

    AuditFeed IAuditFeedSource.AuditFeed => Feed;

    private AuditFeed Feed => _auditFeed ??= AuditFeed.For(this, () => state.State);

    public Task<AuditPage> GetAuditAsync(int page, int pageSize)
    {
        AuditTrail.CheckPaging(page, pageSize);
        // Any of the 34 units has a trail (empty until it first changes); another code is not found.
        Info();
        return Feed.PageAsync(page, pageSize);
    }

    /// <summary>Entries still pending in the state go to the audit log before the activation does (kept pending if that fails, or if it failed lately).</summary>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Feed.FlushOnDeactivationAsync();
}
