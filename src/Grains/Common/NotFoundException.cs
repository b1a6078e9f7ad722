namespace OrleansTraining.Grains.Common;

/// <summary>An id names nothing that exists (HTTP 404).</summary>
public sealed class NotFoundException(string entity, string id) : DomainException($"{entity} '{id}' was not found.")
{
    public string Entity { get; } = entity;

    public string Id { get; } = id;
}
