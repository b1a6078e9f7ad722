using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Reminders;
using Orleans.Runtime;
using OrleansTraining.Gateway.Auth;
using OrleansTraining.TestKit;

namespace OrleansTraining.Gateway.Tests.Infrastructure;

/// <summary>
/// The demo gateway on SQLite whose grains run on a <see cref="ShiftedClock"/>. Only the domain's clock moves: Orleans'
/// own loops, reminders' scheduling, and sign-in tokens (issued and checked) stay on real time.
/// </summary>
public sealed class ClockedGatewayFixture : IAsyncLifetime
{
    private GatewayFactory? _factory;
    private GatewaySession? _session;

    public ShiftedClock Clock { get; } = new();

    public GatewaySession Session => _session ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        _factory = new GatewayFactory(StorageKind.Sqlite, await TestDatabases.NewAsync(StorageKind.Sqlite), services: services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            foreach (var key in new[] { TimeProviderNames.Grains, TimeProviderNames.Messaging, TimeProviderNames.SystemTimers, TimeProviderNames.Membership, TimeProviderNames.ActivationManagement, TimeProviderNames.GrainDirectory, ReminderTimeProviderNames.Reminders })
            {
                services.AddKeyedSingleton(key, TimeProvider.System);
            }

            services.AddSingleton(sp => new TokenIssuer(sp.GetRequiredService<SigningKeyStore>(), sp.GetRequiredService<IOptions<AuthSettings>>(), TimeProvider.System));
            services.PostConfigureAll<JwtBearerOptions>(o => o.TimeProvider = TimeProvider.System);
        });
        _ = _factory.Server;
        _session = new GatewaySession(_factory);
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
            await TestDatabases.DropAsync(StorageKind.Sqlite, _factory.ConnectionString);
        }
    }
}
