using OrleansTraining.Grains.Common.Audit;

namespace OrleansTraining.Grains.Cycles;

/// <summary>The grain's audit trail (see <see cref="AuditedGrain"/>).</summary>
public sealed partial class CycleGrain
{
    private protected override IAuditedState<object> AuditedState => state.State;

    private protected override void EnsureAuditable() => EnsureExists();

    /// <summary>A planning run's engine stops with the activation (the next one starts the stored run again); the trail's pending entries are flushed.</summary>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        StopEngineOnDeactivation();
        return base.OnDeactivateAsync(reason, cancellationToken);
    }
}
