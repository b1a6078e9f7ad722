using System.Diagnostics;
using System.Net;
using OrleansTraining.Cluster.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansTraining.Cluster.Tests;

/// <summary>
/// A planning run is stored with its cycle in PostgreSQL, not only in the activation whose thread runs the engine: when
/// every node stops in the middle of it (a power cut, a redeploy) and the nodes come back, the run starts again from the
/// beginning and records its plan, under the id the board was given.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PlanningRunRestartTests(GatewayCluster cluster, ITestOutputHelper output)
{
    /// <summary>A cycle of this test's own.</summary>
    private const string Cycle = "2031-2032";

    private const int Courses = 4;

    [Fact]
    public async Task A_run_whose_nodes_all_stop_starts_again_when_they_return_and_records_its_plan()
    {
        await cluster.EnsureAllRunningAsync();
        var nodes = cluster.Nodes;
        string runId;
        using (var board = await NodeClient.AsAsync(nodes[0], "board"))
        {
            await Cycles.CreateAsync(board, Cycle, Courses);
            var started = await board.PostAsync($"/api/cycles/{Cycle}/planning-runs", new { effort = "Exhaustive" });
            Assert.True(started.Status == HttpStatusCode.Accepted, started.ToString());
            runId = started.Json.GetProperty("runId").GetString()!;
            var searching = await PollAsync(board, r => r.GetProperty("iterations").GetInt64() > 0, TimeSpan.FromSeconds(60));
            Assert.Equal("Running", searching.GetProperty("status").GetString());
            output.WriteLine($"run {runId} searching: {searching.GetProperty("iterations").GetInt64():N0} of {searching.GetProperty("maxIterations").GetInt64():N0} iterations");
        }

        foreach (var node in nodes)
        {
            node.Kill();
        }

        var down = Stopwatch.StartNew();
        await cluster.EnsureAllRunningAsync();
        output.WriteLine($"all nodes killed and ready again in {down.Elapsed.TotalSeconds:0.0} s");

        using var after = await NodeClient.AsAsync(nodes[1], "board", signInThrough: nodes[1], timeout: TimeSpan.FromSeconds(60));
        var ended = await PollAsync(after, r => r.GetProperty("status").GetString() is not ("Running" or "Applying"), TimeSpan.FromSeconds(240));
        output.WriteLine($"run ended {down.Elapsed.TotalSeconds:0.0} s after the kill: {ended}");

        Assert.Equal(runId, ended.GetProperty("runId").GetString());
        Assert.Equal("Completed", ended.GetProperty("status").GetString());
        Assert.Equal(1, ended.GetProperty("restarts").GetInt32());
        Assert.Equal(Courses, ended.GetProperty("result").GetProperty("coursesPlanned").GetInt32());
        Assert.Equal("Planned", (await after.GetOkAsync($"/api/cycles/{Cycle}")).GetProperty("status").GetString());
    }

    /// <summary>Reads the current run until <paramref name="done"/>; a node still warming up may answer 503 meanwhile.</summary>
    private static async Task<System.Text.Json.JsonElement> PollAsync(NodeClient board, Func<System.Text.Json.JsonElement, bool> done, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        var last = "";
        while (true)
        {
            var answer = await board.GetAsync($"/api/cycles/{Cycle}/planning-runs/current");
            if (answer.Status == HttpStatusCode.OK && done(answer.Json))
            {
                return answer.Json;
            }

            last = answer.ToString();
            Assert.True(DateTime.UtcNow < deadline, $"The run never got there; last answer: {last}");
            await Task.Delay(250);
        }
    }
}
