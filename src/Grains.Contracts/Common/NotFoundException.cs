namespace OrleansTraining.Grains.Common;

/// <summary>An id names nothing that exists (HTTP 404).</summary>
[GenerateSerializer, Alias("ot.NotFoundException")]
public sealed class NotFoundException : DomainException
{
    public NotFoundException()
    {
    }

    public NotFoundException(string entity, string id)
        : base($"{entity} '{id}' was not found.")
    {
        Entity = entity;
        Id = id;
    }

    [Id(0)]
    public string Entity { get; private set; } = "";

    [Id(1)]
    public string Id { get; private set; } = "";
}
