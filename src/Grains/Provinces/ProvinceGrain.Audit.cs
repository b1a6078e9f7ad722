using OrleansTraining.Grains.Common.Audit;

namespace OrleansTraining.Grains.Provinces;

/// <summary>The grain's audit trail (see <see cref="AuditedGrain"/>).</summary>
public sealed partial class ProvinceGrain
{
    private protected override IAuditedState<object> AuditedState => state.State;

    /// <summary>Any of the 34 units has a trail (empty until it first changes); another code is not found.</summary>
    private protected override void EnsureAuditable() => _ = Info();
}
