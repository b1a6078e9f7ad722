namespace OrleansTraining.Grains.Common;

/// <summary>
/// Input is well-formed but names something the domain cannot accept (HTTP 422): a trainee not on the course, a day
/// outside it, an unknown curriculum version, a stop no one can travel to in time. <see cref="Field"/> names the field.
/// </summary>
[GenerateSerializer, Alias("ot.UnprocessableException")]
public sealed class UnprocessableException : DomainException
{
    public UnprocessableException()
    {
    }

    public UnprocessableException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    [Id(0)]
    public string Field { get; private set; } = "";
}
