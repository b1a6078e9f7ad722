using System.Net;
using OrleansTraining.Gateway.Tests.Infrastructure;

namespace OrleansTraining.Gateway.Tests;

/// <summary>The board's list of cycles and a cycle's escalations, each its own page of the API.</summary>
public sealed class CycleListTests(SqliteGatewayFixture gateway) : IClassFixture<SqliteGatewayFixture>
{
    private readonly GatewaySession _session = gateway.Session;
    private readonly Scenario _scenario = new(gateway.Session);

    [Fact]
    public async Task The_board_lists_every_cycle_newest_first()
    {
        await _scenario.CreateCycleAsync("2071-2072", courses: 1);
        var board = await _session.BoardAsync();

        var ids = (await board.GetJsonAsync("/api/cycles")).EnumerateArray().Select(c => c.Str("id")).ToList();

        Assert.Contains(Scenario.DemoCycle, ids);
        Assert.Contains("2011-2012", ids);
        Assert.True(ids.IndexOf("2071-2072") < ids.IndexOf(Scenario.DemoCycle), "newer cycles come first");
        Assert.True(ids.IndexOf(Scenario.DemoCycle) < ids.IndexOf("2011-2012"), "newer cycles come first");
    }

    [Theory]
    [InlineData("province-hue")]
    [InlineData("lecturer-l01")]
    public async Task Only_the_board_lists_cycles_and_escalations(string userName)
    {
        var client = await _session.AsAsync(userName);

        await (await client.GetAsync("/api/cycles")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync($"/api/cycles/{Scenario.DemoCycle}/escalations")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_cycles_escalations_list_what_the_plan_could_not_staff_and_an_unknown_cycle_is_404()
    {
        await _scenario.CreateCycleAsync("2073-2074", courses: 2);
        var plan = await _scenario.PlanAndPublishAsync("2073-2074");
        var board = await _session.BoardAsync();
        var issues = plan.TryGetProperty("issues", out var list) ? list.GetArrayLength() : 0;

        var open = await board.GetJsonAsync("/api/cycles/2073-2074/escalations");
        var all = await board.GetJsonAsync("/api/cycles/2073-2074/escalations?includeResolved=true");

        Assert.Equal(issues, open.GetArrayLength()); // publishing escalates every plan issue, nothing else yet
        Assert.True(all.GetArrayLength() >= open.GetArrayLength());
        await (await board.GetAsync("/api/cycles/2099-2100/escalations")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
