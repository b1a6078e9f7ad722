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

    /// <summary>An id sent in a request body: <paramref name="field"/> names where (e.g. "answers[2].assignmentId").</summary>
    public NotFoundException(string entity, string id, string field)
        : this(entity, id)
    {
        Field = field;
    }

    [Id(0)]
    public string Entity { get; private set; } = "";

    [Id(1)]
    public string Id { get; private set; } = "";

    /// <summary>The request field that named the missing thing; empty when it came from the route.</summary>
    [Id(2)]
    public string Field { get; private set; } = "";
}
