using System.Net.Http.Headers;

namespace OrleansTraining.Gateway.Tests.Infrastructure;

/// <summary>Clients of one running gateway, signed in as demo accounts (tokens kept per user name).</summary>
public sealed class GatewaySession(GatewayFactory factory)
{
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);

    public GatewayFactory Factory => factory;

    public HttpClient Anonymous() => factory.CreateClient();

    /// <summary>A client carrying the bearer token of a demo account ("board", "province-can-tho", "lecturer-l01").</summary>
    public async Task<HttpClient> AsAsync(string userName)
    {
        if (!_tokens.TryGetValue(userName, out var token))
        {
            _tokens[userName] = token = await GatewayClients.TokenAsync(Anonymous(), userName);
        }

        return WithToken(token);
    }

    public HttpClient WithToken(string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public Task<HttpClient> BoardAsync() => AsAsync("board");

    public Task<HttpClient> ProvinceAsync(string code) => AsAsync($"province-{code}");

    public Task<HttpClient> LecturerAsync(string lecturerId) => AsAsync($"lecturer-{lecturerId}");
}
