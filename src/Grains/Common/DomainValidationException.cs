namespace OrleansTraining.Grains.Common;

/// <summary>Input is malformed or inconsistent (HTTP 400). <see cref="Field"/> names the offending field, e.g. "end" or "trainees[2].position".</summary>
public sealed class DomainValidationException(string field, string message) : DomainException(message)
{
    public string Field { get; } = field;
}
