using System.Text.Json;
using System.Text.RegularExpressions;

namespace OrleansTraining.Gateway.Problems;

/// <summary>
/// Turns a request the framework could not bind (malformed JSON, a wrong type, a missing required field, a route or
/// query value of the wrong type) into the name of the field at fault and a message a client can act on.
/// </summary>
public static partial class RequestBodyProblem
{
    public static FieldErrors Describe(BadHttpRequestException exception)
    {
        for (Exception? inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException json)
            {
                var at = FieldFromPath(json.Path);
                var missing = MissingProperties().Match(json.Message);
                if (missing.Success)
                {
                    var errors = new FieldErrors();
                    foreach (var name in missing.Groups["names"].Value.Split(',').Select(n => n.Trim().Trim('\'')))
                    {
                        var field = at == "body" ? name : $"{at}.{name}";
                        errors.Add(field, $"'{field}' is required.");
                    }

                    return errors;
                }

                if (Unmapped().Match(json.Message) is { Success: true } unmapped)
                {
                    var field = at.EndsWith(unmapped.Groups["name"].Value, StringComparison.Ordinal) ? at : unmapped.Groups["name"].Value;
                    return new FieldErrors().Add(field, $"'{field}' is not part of this request and may not be set here.");
                }

                return new FieldErrors().Add(at, json.Path is null or "$"
                    ? "The request body is not valid JSON."
                    : $"The value of '{at}' is missing, null or of the wrong type.");
            }
        }

        var parameter = ParameterName().Match(exception.Message);
        if (parameter.Success)
        {
            return new FieldErrors().Add(parameter.Groups["name"].Value, $"The value '{parameter.Groups["value"].Value}' is not valid here.");
        }

        return new FieldErrors().Add("body", exception.Message.Contains("JSON", StringComparison.OrdinalIgnoreCase)
            ? "The request body is missing or not JSON."
            : "The request could not be read.");
    }

    /// <summary>"$.stops[1].startDate" → "stops[1].startDate"; the root or nothing → "body".</summary>
    private static string FieldFromPath(string? path) =>
        path is null or "$" or "" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    // e.g. JSON deserialization for type 'TokenRequest' was missing required properties including: 'password'.
    [GeneratedRegex("missing required properties including: (?<names>.+?)\\.?$")]
    private static partial Regex MissingProperties();

    // e.g. The JSON property 'status' could not be mapped to any .NET member contained in type '…DeclineRequest'.
    [GeneratedRegex("The JSON property '(?<name>[^']+)' could not be mapped")]
    private static partial Regex Unmapped();

    // e.g. Failed to bind parameter "int count" from "abc".
    [GeneratedRegex(@"parameter ""(?:\S+ )?(?<name>[^""]+)"" from ""(?<value>[^""]*)""")]
    private static partial Regex ParameterName();
}
