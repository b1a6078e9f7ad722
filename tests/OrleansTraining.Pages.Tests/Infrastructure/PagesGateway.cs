using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
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

    public PagesGateway()
    {
        Address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        UseKestrel();
    }

    public Uri Address { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting(WebHostDefaults.ServerUrlsKey, Address.ToString().TrimEnd('/'));
        builder.UseSetting("Storage:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Sqlite", TestDatabase.NewSqliteConnectionString());
        builder.UseSetting("Auth:SigningKey", SigningKey);
        // Seeding hashes ~75 demo passwords; the production work factor would make the start slow.
        builder.UseSetting("Auth:PasswordIterations", "1000");
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:Password", DemoPassword);
        builder.UseSetting("Orleans:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:ClusterId", $"pages-{Guid.NewGuid():N}");
        builder.UseSetting("Orleans:ResponseTimeout", "00:00:30");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }
}
