using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansTraining.TestKit;

namespace OrleansTraining.Gateway.Tests.Infrastructure;

/// <summary>
/// The gateway in the test process on a given database. Disposing it stops the host like a process exit, so a new
/// factory on the same connection string is a restart.
/// </summary>
public sealed class GatewayFactory(
    StorageKind storage, string connectionString, IReadOnlyDictionary<string, string?>? settings = null, CapturedLogs? logs = null,
    Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    /// <summary>Long enough for HMAC-SHA256; only tests use it.</summary>
    public const string TestSigningKey = "test-signing-key-for-the-gateway-tests-only-0123456789";

    public const string DemoPassword = "demo-2027";

    public string ConnectionString => connectionString;

    /// <summary>
    /// One host built at a time in this process: WebApplicationFactory finds the app's host by listening to every host
    /// being built, so two test classes building theirs at once can leave one factory without a server ("The server has
    /// not been started or no web application was configured"), as a CI run saw.
    /// </summary>
    private static readonly Lock HostBuild = new();

    protected override IHost CreateHost(IHostBuilder builder)
    {
        lock (HostBuild)
        {
            return base.CreateHost(builder);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:Provider", storage == StorageKind.Postgres ? "Postgres" : "Sqlite");
        builder.UseSetting(storage == StorageKind.Postgres ? "ConnectionStrings:Postgres" : "ConnectionStrings:Sqlite", connectionString);
        builder.UseSetting("Auth:SigningKey", TestSigningKey);
        // Seeding hashes ~75 demo passwords; the production work factor would make every test class slow.
        builder.UseSetting("Auth:PasswordIterations", "1000");
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:Password", DemoPassword);
        // Every test signs in from one address and hammers the board's account: the rate limiters are off (0), but
        // for the tests of the limits themselves, which set their own.
        builder.UseSetting("Limits:SignInPermits", "0");
        builder.UseSetting("Limits:PlanningPermits", "0");
        builder.UseSetting("Limits:AccountPermits", "0");
        // Every test host is a silo of its own: its own ports, and calls that fail in seconds if a flow deadlocks.
        builder.UseSetting("Orleans:SiloPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Hosts on one database form one cluster (two nodes, or a restart); hosts on different databases never meet.
        builder.UseSetting("Orleans:ClusterId", $"test-{(uint)connectionString.GetHashCode():x8}");
        builder.UseSetting("Orleans:ResponseTimeout", "00:00:15");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureServices(services);
        }

        builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(logs is null ? LogLevel.Warning : LogLevel.Information);
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
    }
}
