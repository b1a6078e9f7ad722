using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansTraining.Silo.Serialization;

/// <summary>The JSON shape of stored grain state: camelCase, enums as names.</summary>
public static class StateJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = false,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
