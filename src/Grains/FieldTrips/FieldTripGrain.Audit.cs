using OrleansTraining.Grains.Common.Audit;

namespace OrleansTraining.Grains.FieldTrips;

/// <summary>The grain's audit trail (see <see cref="AuditedGrain"/>).</summary>
public sealed partial class FieldTripGrain
{
    private protected override IAuditedState<object> AuditedState => state.State;

    private protected override void EnsureAuditable() => EnsureExists();
}
