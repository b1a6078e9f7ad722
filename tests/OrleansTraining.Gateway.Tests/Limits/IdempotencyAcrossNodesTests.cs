using System.Net;
using OrleansTraining.Gateway.Tests.Infrastructure;
using OrleansTraining.TestKit;

namespace OrleansTraining.Gateway.Tests.Limits;

/// <summary>A retry that reaches another node of the cluster finds the key's record there: two gateways on one PostgreSQL database.</summary>
public sealed class IdempotencyAcrossNodesTests
{
    [Fact]
    public async Task A_retry_through_another_node_is_replayed_not_applied_again()
    {
        var database = await TestDatabases.NewAsync(StorageKind.Postgres);
        await using var first = new GatewayFactory(StorageKind.Postgres, database);
        await using var second = new GatewayFactory(StorageKind.Postgres, database);
        await Task.WhenAll(Task.Run(() => first.Server), Task.Run(() => second.Server));
        var (one, two) = (new GatewaySession(first), new GatewaySession(second));
        const string cycleId = "2061-2062";
        await new Scenario(one).CreateCycleAsync(cycleId, courses: 1);
        var key = Guid.NewGuid().ToString();

        var applied = await (await one.BoardAsync()).SendAsync(IdempotencyTests.Post($"/api/cycles/{cycleId}/courses", IdempotencyTests.Draft("Lớp hai nút"), key));
        var retried = await (await two.BoardAsync()).SendAsync(IdempotencyTests.Post($"/api/cycles/{cycleId}/courses", IdempotencyTests.Draft("Lớp hai nút"), key));

        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal("true", retried.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await applied.Content.ReadAsStringAsync(), await retried.Content.ReadAsStringAsync());
        var cycle = await (await two.BoardAsync()).GetJsonAsync($"/api/cycles/{cycleId}");
        Assert.Equal(2, cycle.GetProperty("courseIds").GetArrayLength());

        await first.DisposeAsync();
        await second.DisposeAsync();
        await TestDatabases.DropAsync(StorageKind.Postgres, database);
    }
}
