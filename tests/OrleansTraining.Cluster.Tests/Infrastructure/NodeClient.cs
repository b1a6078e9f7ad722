using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansTraining.Cluster.Tests.Infrastructure;

/// <summary>An answer from a node: status, body text, and the body as JSON when it is JSON.</summary>
public sealed record Answer(HttpStatusCode Status, string Text, string? MediaType)
{
    public JsonElement Json => JsonDocument.Parse(Text).RootElement.Clone();

    public bool IsProblem => MediaType == "application/problem+json";

    /// <summary>The "rule" of a 409 problem, when there is one.</summary>
    public string? Rule => IsProblem && Json.TryGetProperty("rule", out var rule) ? rule.GetString() : null;

    public override string ToString() => $"{(int)Status} {Text}";
}

/// <summary>
/// Calls one node as one demo account. Tokens are signed with the cluster's shared key, so a token issued by any node
/// is good on every node; they are kept per user name for the whole test run.
/// </summary>
public sealed class NodeClient : IDisposable
{
    private static readonly ConcurrentDictionary<(Uri, string), string> Tokens = new();

    private readonly HttpClient _http;

    private NodeClient(GatewayNode node, string? token, TimeSpan timeout)
    {
        Node = node;
        _http = new HttpClient { BaseAddress = node.BaseAddress, Timeout = timeout };
        if (token is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public GatewayNode Node { get; }

    public static NodeClient Anonymous(GatewayNode node, TimeSpan? timeout = null) => new(node, null, timeout ?? TimeSpan.FromSeconds(30));

    /// <summary>A client of <paramref name="node"/> signed in as <paramref name="userName"/> (the token is asked of <paramref name="signInThrough"/>, default the node itself).</summary>
    public static async Task<NodeClient> AsAsync(GatewayNode node, string userName, GatewayNode? signInThrough = null, TimeSpan? timeout = null)
    {
        var issuer = signInThrough ?? node;
        if (!Tokens.TryGetValue((issuer.BaseAddress, userName), out var token))
        {
            using var anonymous = Anonymous(issuer);
            var answer = await anonymous.PostAsync("/api/auth/token", new { userName, password = GatewayCluster.DemoPassword });
            Assert.True(answer.Status == HttpStatusCode.OK, $"sign-in of {userName} through {issuer.Name}: {answer}");
            token = answer.Json.GetProperty("accessToken").GetString()!;
            Tokens[(issuer.BaseAddress, userName)] = token;
        }

        return new NodeClient(node, token, timeout ?? TimeSpan.FromSeconds(30));
    }

    public Task<Answer> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    public Task<Answer> PostAsync(string path, object? body = null) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body ?? new { }) });

    public Task<Answer> PutAsync(string path, object body) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) });

    public async Task<Answer> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await _http.SendAsync(request);
            return new Answer(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
        }
    }

    /// <summary>GET that must answer 200; returns the JSON.</summary>
    public async Task<JsonElement> GetOkAsync(string path)
    {
        var answer = await GetAsync(path);
        Assert.True(answer.Status == HttpStatusCode.OK, $"GET {path} through {Node.Name}: {answer}");
        return answer.Json;
    }

    /// <summary>POST that must answer 200; returns the JSON.</summary>
    public async Task<JsonElement> PostOkAsync(string path, object? body = null)
    {
        var answer = await PostAsync(path, body);
        Assert.True(answer.Status == HttpStatusCode.OK, $"POST {path} through {Node.Name}: {answer}");
        return answer.Json;
    }

    public void Dispose() => _http.Dispose();
}
