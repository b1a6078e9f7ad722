namespace OrleansTraining.Grains.Common;

/// <summary>The caller may not act on this entity (HTTP 403), e.g. a province answering a request addressed to another.</summary>
public sealed class ForbiddenException(string message) : DomainException(message);
