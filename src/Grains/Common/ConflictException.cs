namespace OrleansTraining.Grains.Common;

/// <summary>The request is well-formed but the current state forbids it (HTTP 409). <see cref="Rule"/> is a stable kebab-case rule name.</summary>
public sealed class ConflictException(string rule, string message) : DomainException(message)
{
    public string Rule { get; } = rule;
}
