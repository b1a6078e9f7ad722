namespace OrleansTraining.Grains.Common;

/// <summary>The caller may not act on this entity (HTTP 403), e.g. a province answering a request addressed to another.</summary>
[GenerateSerializer, Alias("ot.ForbiddenException")]
public sealed class ForbiddenException : DomainException
{
    public ForbiddenException()
    {
    }

    public ForbiddenException(string message)
        : base(message)
    {
    }
}
