namespace OrleansTraining.Grains.Common;

/// <summary>A request broke a domain rule; the gateway maps each subtype to an RFC 9457 problem (400/403/404/409).</summary>
[GenerateSerializer, Alias("ot.DomainException")]
public abstract class DomainException : Exception
{
    protected DomainException()
    {
    }

    protected DomainException(string message)
        : base(message)
    {
    }
}
