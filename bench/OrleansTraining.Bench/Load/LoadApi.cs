using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace OrleansTraining.Bench.Load;

/// <summary>One pooled HTTP client per node, sized for every load client at once; each request timed end to end (body read).</summary>
internal sealed class LoadApi(IReadOnlyList<Uri> nodes, int connections) : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);

    private readonly HttpClient[] _clients = [.. nodes.Select(node => new HttpClient(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = Math.Max(connections, 16),
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        AutomaticDecompression = DecompressionMethods.None,
    })
    { BaseAddress = node, Timeout = RequestTimeout })];

    public IReadOnlyList<Uri> Nodes => nodes;

    public async Task<ApiAnswer> SendAsync(int node, HttpMethod method, string path, string? token, string? jsonBody, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (jsonBody is not null)
        {
            request.Content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
        }

        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await _clients[node].SendAsync(request); // buffers the body: the time includes it
            var body = await response.Content.ReadAsByteArrayAsync();
            return new ApiAnswer((int)response.StatusCode, body, clock.Elapsed.TotalMilliseconds, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new ApiAnswer(0, [], clock.Elapsed.TotalMilliseconds, e is TaskCanceledException ? "timeout" : "no answer");
        }
    }

    public async Task<JsonElement> GetJsonAsync(int node, string path, string token)
    {
        var answer = await SendAsync(node, HttpMethod.Get, path, token, null);
        return answer.Status == 200
            ? JsonSerializer.Deserialize<JsonElement>(answer.Body)
            : throw new InvalidOperationException($"GET {path} on {nodes[node]} answered {answer.Describe()}");
    }

    public async Task<JsonElement> PostJsonAsync(int node, string path, string? token, object body)
    {
        var answer = await SendAsync(node, HttpMethod.Post, path, token, JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
        return answer.Status == 200
            ? JsonSerializer.Deserialize<JsonElement>(answer.Body)
            : throw new InvalidOperationException($"POST {path} on {nodes[node]} answered {answer.Describe()}");
    }

    public async Task<string> TokenAsync(string userName, string password)
    {
        var answer = await PostJsonAsync(0, "/api/auth/token", null, new { userName, password });
        return answer.GetProperty("accessToken").GetString()!;
    }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }
}

internal sealed record ApiAnswer(int Status, byte[] Body, double Milliseconds, string? Failure)
{
    public string Describe() => Failure ?? $"{Status} {Encoding.UTF8.GetString(Body.AsSpan(0, Math.Min(Body.Length, 300)))}";
}
