using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Engine = OrleansTraining.Planner.Cycle;

namespace OrleansTraining.Grains.Planning;

/// <summary>
/// A digest of everything the engine plans from: equal digests, same problem. A planning run compares the digest it
/// started from with the cycle's when it ends, and applies nothing if they differ; a run started again on another node
/// compares it with the one stored when the run began. So the digest must not depend on the process: dictionaries and
/// sets enumerate in the order of their string hashes, which .NET randomizes per process, and are written sorted here.
/// </summary>
public static class ProblemDigest
{
    private static readonly JsonSerializerOptions Canonical = new() { Converters = { new SortedCollections() } };

    public static string Of(Engine.CycleProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(problem, Canonical)));
    }

    /// <summary>
    /// Every string-keyed immutable dictionary and every immutable set of the problem, whatever their element types, so a
    /// collection added to the problem later cannot bring the process's hash order back into the digest.
    /// </summary>
    private sealed class SortedCollections : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert.IsGenericType
            && (typeToConvert.GetGenericTypeDefinition() == typeof(ImmutableHashSet<>)
                || (typeToConvert.GetGenericTypeDefinition() == typeof(ImmutableDictionary<,>) && typeToConvert.GetGenericArguments()[0] == typeof(string)));

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
        {
            var arguments = typeToConvert.GetGenericArguments();
            var converter = typeToConvert.GetGenericTypeDefinition() == typeof(ImmutableHashSet<>)
                ? typeof(SortedSet<>).MakeGenericType(arguments[0])
                : typeof(SortedByKey<>).MakeGenericType(arguments[1]);
            return (JsonConverter)Activator.CreateInstance(converter)!;
        }
    }

    /// <summary>Writes a dictionary's entries in ordinal key order (digests only: never read back).</summary>
    private sealed class SortedByKey<TValue> : JsonConverter<ImmutableDictionary<string, TValue>>
    {
        public override ImmutableDictionary<string, TValue> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("A digest is never read back.");

        public override void Write(Utf8JsonWriter writer, ImmutableDictionary<string, TValue> value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (var (key, item) in value.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WritePropertyName(key);
                JsonSerializer.Serialize(writer, item, options);
            }

            writer.WriteEndObject();
        }
    }

    /// <summary>Writes a set's elements in the ordinal order of their own JSON text (digests only: never read back).</summary>
    private sealed class SortedSet<T> : JsonConverter<ImmutableHashSet<T>>
    {
        public override ImmutableHashSet<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("A digest is never read back.");

        public override void Write(Utf8JsonWriter writer, ImmutableHashSet<T> value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var text in value.Select(item => JsonSerializer.Serialize(item, options)).Order(StringComparer.Ordinal))
            {
                writer.WriteRawValue(text, skipInputValidation: true);
            }

            writer.WriteEndArray();
        }
    }
}
