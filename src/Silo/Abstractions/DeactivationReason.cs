namespace OrleansTraining.Silo;

public enum DeactivationReasonCode
{
    IdleCollection,
    ApplicationRequested,
    ShuttingDown,
}

public sealed record DeactivationReason(DeactivationReasonCode Code, string Description);
