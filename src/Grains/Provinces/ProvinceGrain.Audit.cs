using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Common.Audit;

namespace OrleansTraining.Grains.Provinces;

public sealed partial class ProvinceGrain : IAuditedGrain
{
    public Task<AuditPage> GetAuditAsync(int page, int pageSize)
    {
        var audit = AuditTrail.Page(state.State.Audit, page, pageSize);
        // Any of the 34 units has a trail (empty until it first changes); another code is not found.
        Info();
        return Task.FromResult(audit);
    }
}
