using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Reminders;
using Orleans.Runtime;
using OrleansTraining.Gateway.Auth;
using OrleansTraining.TestKit;

namespace OrleansTraining.Gateway.Tests.Infrastructure;

/// <summary>
/// One gateway on one fresh database for a whole test class. Its grains run on a <see cref="ShiftedClock"/> a test may
/// move (to a course's first day, past a deadline); Orleans' own loops, reminders' scheduling and sign-in tokens stay on
/// real time. Tests that move it put it back.
/// </summary>
public abstract class GatewayFixture(StorageKind storage, bool demo = true, IReadOnlyDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    private GatewayFactory? _factory;
    private GatewaySession? _session;

    public StorageKind Storage => storage;

    public ShiftedClock Clock { get; } = new();

    public GatewayFactory Factory => _factory ?? throw new InvalidOperationException("The fixture has not started.");

    public GatewaySession Session => _session ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        _factory = new GatewayFactory(
            storage,
            await TestDatabases.NewAsync(storage),
            new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Demo:Enabled"] = demo ? "true" : "false" },
            services: UseClock);
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

    private void UseClock(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(Clock);
        foreach (var key in new[] { TimeProviderNames.Grains, TimeProviderNames.Messaging, TimeProviderNames.SystemTimers, TimeProviderNames.Membership, TimeProviderNames.ActivationManagement, TimeProviderNames.GrainDirectory, ReminderTimeProviderNames.Reminders })
        {
            services.AddKeyedSingleton(key, TimeProvider.System);
        }

        services.AddSingleton(sp => new TokenIssuer(sp.GetRequiredService<SigningKeyStore>(), sp.GetRequiredService<IOptions<AuthSettings>>(), TimeProvider.System));
        services.PostConfigureAll<JwtBearerOptions>(o => o.TimeProvider = TimeProvider.System);
    }
}
