using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OrleansTraining.Gateway.Tests.Authorization;

/// <summary>A request body's property that names someone or something (a province, a lecturer, a course…), where it sits.</summary>
public sealed record OwnerProperty(string Operation, string Path)
{
    public override string ToString() => $"{Operation} {Path}";
}

/// <summary>
/// Walks every operation's request body (JSON or form) in the OpenAPI document (references, arrays and nested objects followed)
/// for the string properties whose name says they name an owner or a subject: an id, a province, a lecturer, a course…
/// </summary>
public static partial class OwnerProperties
{
    public static List<OwnerProperty> In(JsonObject document)
    {
        var found = new List<OwnerProperty>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                // Every kind of body: JSON, and the form fields of an upload.
                foreach (var (_, content) in (operation?["requestBody"]?["content"] as JsonObject) ?? [])
                {
                    if (content?["schema"] is JsonObject schema)
                    {
                        Walk(document, schema, "", $"{method.ToUpperInvariant()} {path}", found, []);
                    }
                }
            }
        }

        return [.. found.Distinct().OrderBy(p => p.ToString(), StringComparer.Ordinal)];
    }

    private static void Walk(JsonObject document, JsonObject schema, string at, string operation, List<OwnerProperty> found, HashSet<string> seen)
    {
        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            if (seen.Add(reference) && document["components"]!["schemas"]![reference.Split('/')[^1]] is JsonObject target)
            {
                Walk(document, target, at, operation, found, seen);
                seen.Remove(reference);
            }

            return;
        }

        foreach (var combined in new[] { "allOf", "anyOf", "oneOf" })
        {
            foreach (var part in (schema[combined] as JsonArray)?.OfType<JsonObject>() ?? [])
            {
                Walk(document, part, at, operation, found, seen);
            }
        }

        if (schema["items"] is JsonObject items)
        {
            Walk(document, items, at + "[]", operation, found, seen);
        }

        foreach (var (name, property) in (schema["properties"] as JsonObject) ?? [])
        {
            if (property is not JsonObject child)
            {
                continue;
            }

            var path = at.Length == 0 ? name : $"{at}.{name}";
            if (NamesOwner().IsMatch(name) && IsText(document, child))
            {
                found.Add(new OwnerProperty(operation, path));
            }

            Walk(document, child, path, operation, found, seen);
        }
    }

    /// <summary>A string, or an array of strings: what an id is sent as.</summary>
    private static bool IsText(JsonObject document, JsonObject schema)
    {
        var resolved = schema["$ref"]?.GetValue<string>() is { } reference ? document["components"]!["schemas"]![reference.Split('/')[^1]] as JsonObject : schema;
        var type = resolved?["type"]?.ToJsonString() ?? "";
        return (type.Contains("string", StringComparison.Ordinal) && resolved?["enum"] is null && resolved?["format"] is null)
            || (type.Contains("array", StringComparison.Ordinal) && resolved?["items"] is JsonObject items && IsText(document, items));
    }

    [GeneratedRegex("^id$|[a-z]Ids?$|(?i:province|lecturer|course|cycle|trainee|assignment|session|request|user|account|owner|role|host)")]
    private static partial Regex NamesOwner();
}
