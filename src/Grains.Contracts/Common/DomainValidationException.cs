namespace OrleansTraining.Grains.Common;

/// <summary>Input is malformed or inconsistent (HTTP 400). <see cref="Field"/> names the offending field, e.g. "end" or "trainees[2].position".</summary>
[GenerateSerializer, Alias("ot.DomainValidationException")]
public sealed class DomainValidationException : DomainException
{
    public DomainValidationException()
    {
    }

    public DomainValidationException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    [Id(0)]
    public string Field { get; private set; } = "";
}
