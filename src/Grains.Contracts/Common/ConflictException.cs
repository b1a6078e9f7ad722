namespace OrleansTraining.Grains.Common;

/// <summary>The request is well-formed but the current state forbids it (HTTP 409). <see cref="Rule"/> is a stable kebab-case rule name.</summary>
[GenerateSerializer, Alias("ot.ConflictException")]
public sealed class ConflictException : DomainException
{
    public ConflictException()
    {
    }

    public ConflictException(string rule, string message)
        : base(message)
    {
        Rule = rule;
    }

    [Id(0)]
    public string Rule { get; private set; } = "";
}
