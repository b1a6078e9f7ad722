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

    /// <summary>
    /// None: a refusal is an expected answer, not a fault, and its stack trace tells a reader nothing. Formatting one
    /// (line numbers read from the symbol files) was the costliest part of a 409 under load: Orleans' serializer and
    /// its tracing both ask for it.
    /// </summary>
    public override string? StackTrace => null;
}
