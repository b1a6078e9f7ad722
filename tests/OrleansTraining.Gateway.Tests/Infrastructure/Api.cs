using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace OrleansTraining.Gateway.Tests.Infrastructure;

/// <summary>Short calls for tests: send, expect a status, read the JSON.</summary>
public static class Api
{
    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await client.GetAsync(path)).JsonAsync(expected);

    public static async Task<JsonElement> PostJsonAsync(this HttpClient client, string path, object? body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await client.PostAsJsonAsync(path, body ?? new { })).JsonAsync(expected);

    public static async Task<JsonElement> PutJsonAsync(this HttpClient client, string path, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await client.PutAsJsonAsync(path, body)).JsonAsync(expected);

    /// <summary>Sends raw text as JSON: for malformed bodies and wrong types.</summary>
    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static string? StrOrNull(this JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static IEnumerable<JsonElement> Items(this JsonElement element, string property) => element.GetProperty(property).EnumerateArray();
}
