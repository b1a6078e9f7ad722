using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansTraining.Gateway.Tests.Infrastructure;

/// <summary>Sign-in and reading answers, the way the README's curl walk does it.</summary>
public static class GatewayClients
{
    public static async Task<string> TokenAsync(HttpClient anonymous, string userName, string password = GatewayFactory.DemoPassword)
    {
        var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName, password });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"sign-in of {userName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("accessToken").GetString()!;
    }


    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts an RFC 9457 answer with the status and returns it.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync(expected);
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }

    /// <summary>The field names a 400 problem lists under "errors".</summary>
    public static IReadOnlyList<string> ErrorFields(this JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(e => e.Name).ToList() : [];
}
