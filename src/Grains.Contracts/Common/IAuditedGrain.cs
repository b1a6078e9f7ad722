namespace OrleansTraining.Grains.Common;

/// <summary>
/// A grain whose state changes are audited (cycle, course, province, lecturer, field trip). Reach it through the
/// grain's own interface: <c>grains.GetGrain&lt;ILecturerGrain&gt;(id).AsReference&lt;IAuditedGrain&gt;()</c>.
/// </summary>
[Alias("ot.IAuditedGrain")]
public interface IAuditedGrain : IGrainWithStringKey
{
    /// <summary>
    /// The audit trail, newest first: <paramref name="page"/> from 1, <paramref name="pageSize"/> 1…100
    /// (DomainValidationException naming the field otherwise); NotFoundException for a grain never created.
    /// </summary>
    [ReadOnly]
    Task<AuditPage> GetAuditAsync(int page, int pageSize);
}
