using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Common.Audit;

namespace OrleansTraining.Grains.Courses;

public sealed partial class CourseGrain : IAuditedGrain
{
    public Task<AuditPage> GetAuditAsync(int page, int pageSize)
    {
        var audit = AuditTrail.Page(state.State.Audit, page, pageSize);
        EnsureExists();
        return Task.FromResult(audit);
    }
}
