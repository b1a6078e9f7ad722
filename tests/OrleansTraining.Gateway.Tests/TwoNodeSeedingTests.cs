using OrleansTraining.Gateway.Tests.Infrastructure;
using OrleansTraining.TestKit;

namespace OrleansTraining.Gateway.Tests;

/// <summary>Two gateways starting together on one empty PostgreSQL database load the demo once between them.</summary>
public sealed class TwoNodeSeedingTests
{
    [Fact]
    public async Task Two_nodes_starting_on_an_empty_database_load_the_demo_once()
    {
        var database = await TestDatabases.NewAsync(StorageKind.Postgres);
        var (firstLogs, secondLogs) = (new CapturedLogs(), new CapturedLogs());
        await using var first = new GatewayFactory(StorageKind.Postgres, database, logs: firstLogs);
        await using var second = new GatewayFactory(StorageKind.Postgres, database, logs: secondLogs);

        await Task.WhenAll(Task.Run(() => first.Server), Task.Run(() => second.Server));

        foreach (var node in new[] { first, second })
        {
            var board = await new GatewaySession(node).BoardAsync();
            var cycle = await board.GetJsonAsync($"/api/cycles/{Scenario.DemoCycle}");
            Assert.Equal("Draft", cycle.Str("status"));
            Assert.Equal(34, (await board.GetJsonAsync("/api/provinces")).GetArrayLength());
        }

        var lecturers = await (await new GatewaySession(second).BoardAsync()).GetJsonAsync("/api/lecturers");
        Assert.Equal(40, lecturers.GetArrayLength());
        var loads = new[] { firstLogs, secondLogs }.Count(logs => logs.Entries.Any(e => e.Message.StartsWith("Demo data loaded with", StringComparison.Ordinal)));
        Assert.Equal(1, loads);

        await first.DisposeAsync();
        await second.DisposeAsync();
        await TestDatabases.DropAsync(StorageKind.Postgres, database);
    }
}
