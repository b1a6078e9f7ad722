using OrleansTraining.TestKit;

namespace OrleansTraining.Gateway.Tests.Infrastructure;

/// <summary>One gateway on one fresh database for a whole test class.</summary>
public abstract class GatewayFixture(StorageKind storage, bool demo = true) : IAsyncLifetime
{
    private GatewayFactory? _factory;
    private GatewaySession? _session;

    public StorageKind Storage => storage;

    public GatewayFactory Factory => _factory ?? throw new InvalidOperationException("The fixture has not started.");

    public GatewaySession Session => _session ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        _factory = new GatewayFactory(storage, await TestDatabases.NewAsync(storage), new Dictionary<string, string?> { ["Demo:Enabled"] = demo ? "true" : "false" });
        _ = _factory.Server; // starts the host now: schema, demo seeding
        _session = new GatewaySession(_factory);
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
            await TestDatabases.DropAsync(storage, _factory.ConnectionString);
        }
    }

    public HttpClient Anonymous() => Session.Anonymous();
}
