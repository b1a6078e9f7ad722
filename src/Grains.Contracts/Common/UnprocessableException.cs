namespace OrleansTraining.Grains.Common;

/// <summary>
/// A well-formed request names something that does not exist where it must (HTTP 422), e.g. a trainee not on the
/// course or a day outside it. <see cref="Field"/> names the offending field.
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
