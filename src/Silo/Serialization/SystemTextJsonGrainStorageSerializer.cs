using System.Text.Json;
using Orleans.Storage;

namespace OrleansTraining.Silo.Serialization;

/// <summary>
/// Grain state as System.Text.Json (<see cref="StateJson"/>) in every store. Orleans' default JSON serializer
/// (Newtonsoft) writes immutable collections it cannot read back, and JSON keeps the stored state readable.
/// </summary>
public sealed class SystemTextJsonGrainStorageSerializer : IGrainStorageSerializer
{
    private readonly JsonSerializerOptions _options;

    public SystemTextJsonGrainStorageSerializer()
        : this(StateJson.Options)
    {
    }

    public SystemTextJsonGrainStorageSerializer(JsonSerializerOptions options)
    {
        _options = options;
    }

    public BinaryData Serialize<T>(T? input) => BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(input, _options));

    public T? Deserialize<T>(BinaryData input) => JsonSerializer.Deserialize<T>(input.ToMemory().Span, _options);
}
