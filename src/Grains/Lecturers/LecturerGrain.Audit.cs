using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Common.Audit;

namespace OrleansTraining.Grains.Lecturers;

public sealed partial class LecturerGrain : IAuditedGrain
{
    public Task<AuditPage> GetAuditAsync(int page, int pageSize)
    {
        var audit = AuditTrail.Page(state.State.Audit, page, pageSize);
        EnsureExists();
        return Task.FromResult(audit);
    }
}
