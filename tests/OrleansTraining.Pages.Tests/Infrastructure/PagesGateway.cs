using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Orleans.Reminders;
using Orleans.Runtime;
using OrleansTraining.Gateway.Auth;
using OrleansTraining.TestKit;

namespace OrleansTraining.Pages.Tests.Infrastructure;

/// <summary>
/// The gateway in the test process on a fresh SQLite database with the demo loaded, served by Kestrel on a loopback
/// port so a real browser can reach it.
/// </summary>
public sealed class PagesGateway : WebApplicationFactory<Program>
{
    public const string DemoPassword = "demo-2027";
    private const string SigningKey = "test-signing-key-for-the-pages-tests-only-0123456789";

    public PagesGateway() => UseKestrel();

    /// <summary>The grains' and pages' clock; a test may move it (and puts it back), sign-in stays on real time.</summary>
    public ShiftedClock Clock { get; } = new();

    /// <summary>Where Kestrel listens, once <see cref="WebApplicationFactory{TEntryPoint}.StartServer"/> ran.</summary>
    public Uri Address => new(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Port 0: the system picks a free port as Kestrel binds it, so parallel test runs never collide.
        builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
        builder.UseSetting("Storage:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Sqlite", TestDatabase.NewSqliteConnectionString());
        builder.UseSetting("Auth:SigningKey", SigningKey);
        // Seeding hashes ~75 demo passwords; the production work factor would make the start slow.
        builder.UseSetting("Auth:PasswordIterations", "1000");
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:Password", DemoPassword);
        // Every test signs in from one address: the rate limiters are off (0); the gateway tests cover them.
        builder.UseSetting("Limits:SignInPermits", "0");
        builder.UseSetting("Limits:PlanningPermits", "0");
        builder.UseSetting("Limits:AccountPermits", "0");
        builder.UseSetting("Orleans:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:ClusterId", $"pages-{Guid.NewGuid():N}");
        builder.UseSetting("Orleans:ResponseTimeout", "00:00:30");
        // The gateway's appsettings ask for Information, which a minimum level set in code does not override.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureServices(UseClock);
    }

    /// <summary>As the gateway tests' fixture: Orleans' own loops, reminders' scheduling and sign-in stay on real time.</summary>
    private void UseClock(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(Clock);
        foreach (var key in new[] { TimeProviderNames.Grains, TimeProviderNames.Messaging, TimeProviderNames.SystemTimers, TimeProviderNames.Membership, TimeProviderNames.ActivationManagement, TimeProviderNames.GrainDirectory, ReminderTimeProviderNames.Reminders })
        {
            services.AddKeyedSingleton(key, TimeProvider.System);
        }

        services.AddSingleton(sp => new TokenIssuer(sp.GetRequiredService<SigningKeyStore>(), sp.GetRequiredService<IOptions<AuthSettings>>(), TimeProvider.System));
        services.PostConfigureAll<JwtBearerOptions>(o => o.TimeProvider = TimeProvider.System);
        services.PostConfigureAll<CookieAuthenticationOptions>(o => o.TimeProvider = TimeProvider.System);
    }
}
