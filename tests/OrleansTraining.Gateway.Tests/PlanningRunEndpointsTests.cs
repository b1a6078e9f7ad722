using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansTraining.Gateway.Tests.Infrastructure;

namespace OrleansTraining.Gateway.Tests;

/// <summary>Planning runs through HTTP: started with 202, followed by polling, cancelled, refused with problems.</summary>
public sealed class PlanningRunEndpointsTests(SqliteGatewayFixture gateway) : IClassFixture<SqliteGatewayFixture>
{
    private readonly GatewaySession _session = gateway.Session;
    private readonly Scenario _scenario = new(gateway.Session);

    [Fact]
    public async Task The_board_starts_a_run_follows_it_to_the_end_and_the_plan_is_recorded()
    {
        const string cycleId = "2051-2052";
        await _scenario.CreateCycleAsync(cycleId, courses: 3);
        var board = await _session.BoardAsync();

        var start = await board.PostAsJsonAsync($"/api/cycles/{cycleId}/planning-runs", new { effort = "standard" });

        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        Assert.Equal($"/api/cycles/{cycleId}/planning-runs/current", start.Headers.Location?.OriginalString);
        var done = await PollAsync(board, cycleId, r => r.Str("status") is not ("Running" or "Applying"));
        Assert.Equal("Completed", done.Str("status"));
        Assert.Equal(1.0, done.GetProperty("progress").GetDouble());
        Assert.Equal(3, done.GetProperty("result").GetProperty("coursesPlanned").GetInt32());
        Assert.Equal("Planned", (await board.GetJsonAsync($"/api/cycles/{cycleId}")).Str("status"));
    }

    [Fact]
    public async Task A_running_run_is_cancelled_and_a_second_start_meanwhile_is_a_409()
    {
        const string cycleId = "2053-2054";
        await _scenario.CreateCycleAsync(cycleId, courses: 3);
        var board = await _session.BoardAsync();

        await board.PostJsonAsync($"/api/cycles/{cycleId}/planning-runs", new { effort = "Exhaustive" }, HttpStatusCode.Accepted);
        var conflict = await (await board.PostAsJsonAsync($"/api/cycles/{cycleId}/planning-runs", new { })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("planning-run-active", conflict.GetRawText());
        await (await board.PostAsync($"/api/cycles/{cycleId}/plan", null)).ProblemAsync(HttpStatusCode.Conflict);

        var cancelled = await board.PostJsonAsync($"/api/cycles/{cycleId}/planning-runs/current/cancel", null);

        Assert.Equal("Cancelled", cancelled.Str("status"));
        Assert.Equal("Draft", (await board.GetJsonAsync($"/api/cycles/{cycleId}")).Str("status"));
    }

    [Fact]
    public async Task Bad_efforts_unknown_cycles_and_missing_runs_are_problems()
    {
        const string cycleId = "2055-2056";
        await _scenario.CreateCycleAsync(cycleId);
        var board = await _session.BoardAsync();

        var bad = await (await board.PostAsJsonAsync($"/api/cycles/{cycleId}/planning-runs", new { effort = "forever" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("effort", out _));
        await (await board.GetAsync($"/api/cycles/{cycleId}/planning-runs/current")).ProblemAsync(HttpStatusCode.NotFound);
        await (await board.PostAsync($"/api/cycles/{cycleId}/planning-runs/current/cancel", null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await board.PostAsJsonAsync("/api/cycles/2097-2098/planning-runs", new { })).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Draft", (await board.GetJsonAsync($"/api/cycles/{cycleId}")).Str("status"));
    }

    [Theory]
    [InlineData("province-can-tho", "POST", "")]
    [InlineData("lecturer-l01", "GET", "/current")]
    [InlineData("province-can-tho", "POST", "/current/cancel")]
    public async Task Only_the_board_runs_the_planner(string userName, string method, string path)
    {
        const string cycleId = "2057-2058";
        var client = await _session.AsAsync(userName);

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/api/cycles/{cycleId}/planning-runs{path}")
        {
            Content = JsonContent.Create(new { }),
        });

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    private static async Task<JsonElement> PollAsync(HttpClient board, string cycleId, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var run = await board.GetJsonAsync($"/api/cycles/{cycleId}/planning-runs/current");
            if (done(run) || DateTime.UtcNow > deadline)
            {
                return run;
            }

            await Task.Delay(100);
        }
    }
}
