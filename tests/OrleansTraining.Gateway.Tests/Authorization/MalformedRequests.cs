using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrleansTraining.Gateway.Tests.Authorization;

/// <summary>One generated request: where it goes, its body (raw bytes) and what it breaks, for a readable failure.</summary>
public sealed record MalformedRequest(string Method, string Path, byte[]? Body, string Description);

/// <summary>
/// Malformed requests for one operation, made from its OpenAPI body schema and route: broken JSON, wrong types, huge
/// strings and arrays, odd Unicode, negative and huge numbers, dates out of range, unknown ids, duplicated fields, odd
/// path segments and query values. Seeded: the same seed gives the same requests.
/// </summary>
public sealed class MalformedRequests(Random random)
{
    private static readonly string[] BrokenJson =
    [
        "", "{", "[", "}", "nul", "tru", "{\"a\":", "{\"a\":1,}", "{'a':1}", "{\"a\" 1}", "[1,2", "\"unterminated", "{\"a\":01}",
        "{\"a\":NaN}", "{\"a\":Infinity}", "\u0000", "{\"a\":\"\\u12\"}", "{\"a\":\"\\x41\"}", "{/*c*/}", "\uFEFF\uFEFF{}",
    ];

    private static readonly string[] OddStrings =
    [
        "", " ", "\t\n", "\u202Eevil", "a\u200Bb", "\uFFFF", "\uD800", "\uDC00x", string.Concat(Enumerable.Repeat("😀", 50)), "null", "<script>alert(1)</script>",
        "'; DROP TABLE grain_state; --", "../../etc/passwd", "%00", "=1+2", "\u0000", "\u0007bell", "Ǆ̸̡̢̛̀́̂ͅ", "ー" + new string('ｱ', 300),
    ];

    private static readonly JsonNode?[] OddNumbers =
    [
        -1, 0, int.MinValue, int.MaxValue, long.MaxValue, 1e308, -1e308, 0.5, JsonValue.Create(decimal.MaxValue), "12", true,
    ];

    private static readonly string[] OddDates =
    [
        "0000-00-00", "0001-01-01", "9999-12-31", "10000-01-01", "-0001-01-01", "2027-02-30", "2027-13-01", "27-01-01", "2027/01/01",
        "2027-01-01T25:00:00", "yesterday", "",
    ];

    private static readonly string[] OddSegments =
    [
        "no-such-id", new string('x', 3000), "%E2%80%AE", "%F0%9F%98%80", "..", "%2E%2E", "-1", "99999999999999999999", "%25", "a%20b", "null",
        "%C3%A9", "A", "%EF%BF%BF",
    ];

    public IEnumerable<MalformedRequest> For(string method, string path, JsonObject? schema, int count)
    {
        var made = 0;
        var cases = Cases(method, path, schema).ToList();
        // Every kind once where there are few; then random picks until the operation has its share.
        foreach (var item in cases.Take(count))
        {
            made++;
            yield return item;
        }

        while (made < count && cases.Count > 0)
        {
            made++;
            yield return cases[random.Next(cases.Count)] with { };
        }
    }

    private IEnumerable<MalformedRequest> Cases(string method, string path, JsonObject? schema)
    {
        foreach (var segment in SegmentCases(path))
        {
            yield return new MalformedRequest(method, segment.Path, Valid(method, schema), $"path {segment.What}");
        }

        foreach (var query in new[] { "?page=-1&pageSize=99999999", "?includeResolved=maybe", "?page=abc", "?x=%00", "?" + new string('q', 4000) + "=1" })
        {
            yield return new MalformedRequest(method, path + query, Valid(method, schema), $"query {query[..Math.Min(20, query.Length)]}");
        }

        if (method is not ("POST" or "PUT" or "PATCH"))
        {
            yield break;
        }

        foreach (var broken in BrokenJson)
        {
            yield return new MalformedRequest(method, path, Encoding.UTF8.GetBytes(broken), $"broken JSON {JsonSerializer.Serialize(broken)}");
        }

        yield return new MalformedRequest(method, path, [0xC3, 0x28, 0xFF, 0xFE], "invalid UTF-8");
        yield return new MalformedRequest(method, path, Encoding.UTF8.GetBytes(new string('[', 300) + new string(']', 300)), "nesting 300 deep");
        yield return new MalformedRequest(method, path, Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Repeat("{}", 20_000)) + "]"), "an array for the body");

        var properties = (schema?["properties"] as JsonObject)?.Select(p => (p.Key, Schema: p.Value as JsonObject)).ToList() ?? [];
        foreach (var (name, property) in properties)
        {
            foreach (var (value, what) in ValuesFor(property))
            {
                var body = Example(schema);
                body[name] = value?.DeepClone();
                yield return new MalformedRequest(method, path, Encoding.UTF8.GetBytes(body.ToJsonString()), $"{name} = {what}");
            }

            yield return new MalformedRequest(method, path, Encoding.UTF8.GetBytes($"{{\"{name}\":1,\"{name}\":\"twice\"}}"), $"{name} twice");
        }
    }

    private IEnumerable<(string Path, string What)> SegmentCases(string path)
    {
        var segments = path.Split('/');
        for (var i = 3; i < segments.Length; i++)
        {
            if (segments[i].Length == 0 || segments[i] is "api")
            {
                continue;
            }

            var odd = OddSegments[random.Next(OddSegments.Length)];
            var copy = (string[])segments.Clone();
            copy[i] = odd;
            yield return (string.Join('/', copy), $"segment {i} = {odd[..Math.Min(20, odd.Length)]}");
        }
    }

    private IEnumerable<(JsonNode? Value, string What)> ValuesFor(JsonObject? property)
    {
        yield return (null, "null");
        yield return (JsonValue.Create(new string('x', 100_000)), "a 100,000-character string");
        yield return (new JsonArray([.. Enumerable.Range(0, 5_000).Select(i => (JsonNode?)JsonValue.Create(i))]), "an array of 5,000 numbers");
        yield return (new JsonObject { ["unexpected"] = 1 }, "an object");
        var odd = OddStrings[random.Next(OddStrings.Length)];
        yield return (JsonValue.Create(odd), $"the string {JsonSerializer.Serialize(odd)[..Math.Min(24, JsonSerializer.Serialize(odd).Length)]}");
        var number = OddNumbers[random.Next(OddNumbers.Length)];
        yield return (number?.DeepClone(), $"the value {number?.ToJsonString()}");
        var date = OddDates[random.Next(OddDates.Length)];
        yield return (JsonValue.Create(date), $"the date {date}");
        yield return (new JsonArray(JsonValue.Create(odd), null, JsonValue.Create(-1)), "a mixed array with a null");
        yield return (JsonValue.Create("no-such-" + random.Next(1000)), "an unknown id");
    }

    /// <summary>A plausible body from the schema's property types, for mutating one property at a time.</summary>
    private static JsonObject Example(JsonObject? schema)
    {
        var body = new JsonObject();
        foreach (var (name, value) in (schema?["properties"] as JsonObject) ?? [])
        {
            body[name] = ((value as JsonObject)?["type"]?.ToString()) switch
            {
                string t when t.Contains("integer", StringComparison.Ordinal) || t.Contains("number", StringComparison.Ordinal) => 1,
                string t when t.Contains("boolean", StringComparison.Ordinal) => true,
                string t when t.Contains("array", StringComparison.Ordinal) => new JsonArray(),
                string t when t.Contains("string", StringComparison.Ordinal) => "x",
                _ => null,
            };
        }

        return body;
    }

    private static byte[]? Valid(string method, JsonObject? schema) =>
        method is "POST" or "PUT" or "PATCH" ? Encoding.UTF8.GetBytes(Example(schema).ToJsonString()) : null;
}
