using System.Net.Http.Headers;
using OrleansTraining.TestKit;

namespace OrleansTraining.Gateway.Tests.Infrastructure;

/// <summary>One gateway on one fresh database for a whole test class, with a signed-in client per demo account.</summary>
public abstract class GatewayFixture(StorageKind storage, bool demo = true) : IAsyncLifetime
{
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private GatewayFactory? _factory;

    public StorageKind Storage => storage;

    public GatewayFactory Factory => _factory ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        _factory = new GatewayFactory(storage, await TestDatabases.NewAsync(storage), new Dictionary<string, string?> { ["Demo:Enabled"] = demo ? "true" : "false" });
        _ = _factory.Server; // starts the host now: schema, demo seeding
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    public HttpClient Anonymous() => Factory.CreateClient();

    /// <summary>A client carrying the bearer token of a demo account ("board", "province-HN", "lecturer-L01").</summary>
    public async Task<HttpClient> SignedInAsync(string userName)
    {
        if (!_tokens.TryGetValue(userName, out var token))
        {
            _tokens[userName] = token = await GatewayClients.TokenAsync(Anonymous(), userName);
        }

        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
