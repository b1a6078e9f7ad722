using System.Globalization;
using System.Net;
using System.Text.Json;

namespace OrleansTraining.Cluster.Tests.Infrastructure;

/// <summary>The board's steps on a cycle, through one node.</summary>
public static class Cycles
{
    /// <summary>A cycle of a test's own (Draft), so tests sharing the cluster never share offers.</summary>
    public static async Task CreateAsync(NodeClient board, string cycleId, int courses)
    {
        var firstYear = int.Parse(cycleId[..4], CultureInfo.InvariantCulture);
        var answer = await board.PostAsync("/api/cycles", new
        {
            id = cycleId,
            start = $"{firstYear}-01-04",
            end = $"{firstYear + 1}-12-18",
            curriculumVersion = "2027",
            courses = Enumerable.Range(1, courses).Select(i => new
            {
                title = $"Organisation work course {i} of {cycleId}",
                audience = new { positions = new[] { "Head", "DeputyHead" }, levels = new[] { "Provincial" } },
                capacity = 60,
                quotaPerProvince = 2,
            }),
        });
        Assert.True(answer.Status == HttpStatusCode.Created, $"creating cycle {cycleId}: {answer}");
    }

    /// <summary>
    /// Plans and publishes, then returns the plan once every staffed session shows its offer. A 503 (the call outlived
    /// Orleans:ResponseTimeout on a loaded machine while the cycle grain carried on) is followed by reading the cycle
    /// until it reached the status, as a client told "try again shortly" would; any other answer fails.
    /// </summary>
    public static async Task<JsonElement> PlanAndPublishAsync(NodeClient board, string cycleId)
    {
        var planned = await StepAsync(board, cycleId, "plan", "Planned");
        var staffed = planned?.GetProperty("sessionsStaffed").GetInt32();
        await StepAsync(board, cycleId, "publish", "Published");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var plan = await board.GetOkAsync($"/api/cycles/{cycleId}/plan");
            var sessions = plan.GetProperty("courses").EnumerateArray().SelectMany(c => c.GetProperty("sessions").EnumerateArray()).ToList();
            var expected = staffed ?? sessions.Count(s => s.GetProperty("lecturerId").ValueKind == JsonValueKind.String);
            if (Teaching.OfferedSessions(plan).Count == expected)
            {
                return plan;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The plan of {cycleId} never showed its {expected} offers.");
            await Task.Delay(250);
        }
    }

    private static async Task<JsonElement?> StepAsync(NodeClient board, string cycleId, string step, string status)
    {
        var answer = await board.PostAsync($"/api/cycles/{cycleId}/{step}");
        if (answer.Status == HttpStatusCode.OK)
        {
            Assert.Equal(status, answer.Json.GetProperty("status").GetString());
            return answer.Json;
        }

        Assert.True(answer.Status == HttpStatusCode.ServiceUnavailable, $"POST {step} of {cycleId} through {board.Node.Name}: {answer}");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((await board.GetOkAsync($"/api/cycles/{cycleId}")).GetProperty("status").GetString() != status)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Cycle {cycleId} never reached {status} after a 503 to {step}.");
            await Task.Delay(250);
        }

        return null;
    }
}
