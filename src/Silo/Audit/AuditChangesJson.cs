using System.Collections.Immutable;
using System.Text.Json;
using OrleansTraining.Grains.Common;
using OrleansTraining.Silo.Serialization;

namespace OrleansTraining.Silo.Audit;

/// <summary>An entry's changes as stored in the audit log's <c>changes</c> column: the state JSON's shape ([{field, before, after}]).</summary>
internal static class AuditChangesJson
{
    public static string Write(ImmutableArray<AuditChange> changes) =>
        JsonSerializer.Serialize(changes.IsDefault ? [] : changes, StateJson.Options);

    public static ImmutableArray<AuditChange> Read(string json) =>
        JsonSerializer.Deserialize<ImmutableArray<AuditChange>>(json, StateJson.Options);
}
