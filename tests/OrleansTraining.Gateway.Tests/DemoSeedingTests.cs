using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansTraining.Gateway.Tests.Infrastructure;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.TestKit;

namespace OrleansTraining.Gateway.Tests;

/// <summary>The demo loads into an empty database only; a database with anything in it is left alone, with a warning.</summary>
public sealed class DemoSeedingTests
{
    private static readonly Dictionary<string, string?> DemoOff = new() { ["Demo:Enabled"] = "false" };

    [Fact]
    public async Task The_demo_is_never_loaded_into_a_non_empty_database()
    {
        var database = TestDatabase.NewSqliteConnectionString();
        await using (var withoutDemo = new GatewayFactory(StorageKind.Sqlite, database, DemoOff))
        {
            // Real data entered before anyone switched the demo on.
            await withoutDemo.Services.GetRequiredService<IGrainFactory>().GetGrain<ILecturerGrain>("real-lecturer")
                .CreateAsync(new NewLecturer("Nguyễn Văn Thực", "Vụ Cơ sở đảng", ["grassroots"], "ha-noi", 10, []));
        }

        var logs = new CapturedLogs();
        await using var withDemo = new GatewayFactory(StorageKind.Sqlite, database, logs: logs);
        var client = withDemo.CreateClient();

        var signIn = await client.PostAsJsonAsync("/api/auth/token", new { userName = "board", password = GatewayFactory.DemoPassword });

        await signIn.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("not empty", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_restart_does_not_load_the_demo_again()
    {
        var database = TestDatabase.NewSqliteConnectionString();
        await using (var first = new GatewayFactory(StorageKind.Sqlite, database))
        {
            var board = await new GatewaySession(first).BoardAsync();
            await board.PostJsonAsync($"/api/cycles/{Scenario.DemoCycle}/plan", null);
        }

        var logs = new CapturedLogs();
        await using var second = new GatewayFactory(StorageKind.Sqlite, database, logs: logs);
        var cycle = await (await new GatewaySession(second).BoardAsync()).GetJsonAsync($"/api/cycles/{Scenario.DemoCycle}");

        Assert.Equal("Planned", cycle.Str("status"));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("not empty", StringComparison.Ordinal));
    }
}
