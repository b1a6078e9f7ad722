using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansTraining.Gateway.Tests.Infrastructure;
using OrleansTraining.Silo;
using OrleansTraining.TestKit;

namespace OrleansTraining.Gateway.Tests;

/// <summary>The gateway as a pure Orleans client (Gateway:Mode = Client) of a silo started on its own.</summary>
public sealed class ClientModeTests
{
    [Fact]
    public async Task A_client_gateway_serves_the_api_from_a_separately_started_silo()
    {
        var database = TestDatabase.NewSqliteConnectionString();
        var gatewayPort = FreePort.Next();
        var clusterId = $"test-{(uint)database.GetHashCode():x8}"; // what GatewayFactory gives the gateway on this database
        var siloBuilder = Host.CreateApplicationBuilder();
        siloBuilder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Sqlite"] = database,
            ["Orleans:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:ClusterId"] = clusterId,
            ["Auth:PasswordIterations"] = "1000",
        });
        siloBuilder.Logging.SetMinimumLevel(LogLevel.Warning);
        siloBuilder.UseOrleans(silo => silo.AddTrainingSilo(siloBuilder.Configuration));
        using var silo = siloBuilder.Build();
        await silo.StartAsync();
        try
        {
            await using var gateway = new GatewayFactory(StorageKind.Sqlite, database, new Dictionary<string, string?>
            {
                ["Gateway:Mode"] = "Client",
                ["Orleans:GatewayPort"] = gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            var session = new GatewaySession(gateway);

            // The demo was loaded through the client, into the silo's database; sign-in and reads go through it too.
            var board = await session.BoardAsync();
            var cycle = await board.GetJsonAsync("/api/cycles/2027-2028");
            Assert.Equal("Draft", cycle.Str("status"));
            Assert.Equal(HttpStatusCode.OK, (await session.Anonymous().GetAsync("/health/ready")).StatusCode);
        }
        finally
        {
            await silo.StopAsync();
        }
    }
}
