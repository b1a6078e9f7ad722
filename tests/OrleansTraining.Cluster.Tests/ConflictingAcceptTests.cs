using System.Net;
using OrleansTraining.Cluster.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansTraining.Cluster.Tests;

/// <summary>
/// Answers that race each other through different nodes of one cluster: Orleans keeps one activation per lecturer, and
/// the lecturer decides every accept against its own state, so exactly one of conflicting accepts wins wherever they
/// come in, and nothing accepted is lost or double-booked.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ConflictingAcceptTests(GatewayCluster cluster, ITestOutputHelper output)
{
    /// <summary>A cycle of this test's own (the demo cycle is the node-kill test's).</summary>
    private const string Cycle = "2029-2030";

    [Fact]
    public async Task Accepts_racing_through_three_nodes_let_exactly_one_win_and_no_lecturer_is_double_booked()
    {
        await cluster.EnsureAllRunningAsync();
        var nodes = cluster.Nodes;
        using var board = await NodeClient.AsAsync(nodes[0], "board");
        await Cycles.CreateAsync(board, Cycle, courses: 4);
        var offered = Teaching.OfferedSessions(await Cycles.PlanAndPublishAsync(board, Cycle));
        var byLecturer = offered.GroupBy(o => o.LecturerId).ToDictionary(g => g.Key, g => g.Select(o => o.AssignmentId).ToList());
        Assert.True(byLecturer.Count(l => l.Value.Count >= 2) >= 2, "The demo plan should offer several sessions to several lecturers.");

        // What each lecturer holds after publishing, as the lecturer grain says.
        var assignments = new Dictionary<string, List<Assignment>>();
        foreach (var (lecturerId, ids) in byLecturer)
        {
            assignments[lecturerId] = [.. (await Teaching.AssignmentsIncludingAsync(board, lecturerId, ids)).Where(a => a.CycleId == Cycle && a.Status == "Offered")];
        }

        var winners = new Dictionary<string, HashSet<string>>();
        var involved = new List<string>();

        // 1. One offer, three accepts at the same moment, one through each node.
        var (first, firstOffers) = byLecturer.First(l => l.Value.Count >= 2);
        var one = assignments[first].Single(a => a.AssignmentId == firstOffers[0]);
        var race = await RaceAsync(first, [.. nodes.Select(n => (n, one.AssignmentId))]);
        Assert.Equal(1, race.Count(r => r.Answer.Status == HttpStatusCode.OK));
        AssertRefusedAs(race.Where(r => r.Answer.Status != HttpStatusCode.OK), "already-answered");
        Record(winners, first, race);
        involved.Add(first);

        // 2. Another lecturer's two offers, accepted at the same moment through different nodes, one of them twice:
        //    each offer is won once; both are won unless they clash, in which case only one is.
        var (second, secondOffers) = byLecturer.First(l => l.Key != first && l.Value.Count >= 2);
        var p = assignments[second].Single(a => a.AssignmentId == secondOffers[0]);
        var q = assignments[second].Single(a => a.AssignmentId == secondOffers[1]);
        race = await RaceAsync(second, [(nodes[0], p.AssignmentId), (nodes[1], q.AssignmentId), (nodes[2], p.AssignmentId)]);
        Assert.True(race.Where(r => r.Answer.Status == HttpStatusCode.OK).GroupBy(r => r.AssignmentId).All(g => g.Count() == 1), Describe(race));
        Assert.Equal(p.ClashesWith(q) ? 1 : 2, race.Count(r => r.Answer.Status == HttpStatusCode.OK));
        Assert.All(race.Where(r => r.Answer.Status != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.Answer.Status));
        Record(winners, second, race);
        involved.Add(second);

        // 3. Offers of one lecturer that clash with each other (same half-day, or no travel day between provinces),
        //    should the plan hold any: accepted at the same moment through different nodes, only one may win.
        var clashing = assignments
            .Where(l => l.Key != first && l.Key != second)
            .SelectMany(l => l.Value.SelectMany(a => l.Value.Where(b => string.CompareOrdinal(a.AssignmentId, b.AssignmentId) < 0 && a.ClashesWith(b)).Select(b => (a, b))))
            .FirstOrDefault();
        if (clashing.a is not null)
        {
            var lecturer = clashing.a.LecturerId;
            output.WriteLine($"clashing offers of {lecturer}: {clashing.a} / {clashing.b}");
            race = await RaceAsync(lecturer, [(nodes[0], clashing.a.AssignmentId), (nodes[1], clashing.b.AssignmentId), (nodes[2], clashing.a.AssignmentId)]);
            Assert.Equal(1, race.Count(r => r.Answer.Status == HttpStatusCode.OK));
            Assert.All(race.Where(r => r.Answer.Status != HttpStatusCode.OK), r => Assert.True(r.Answer.Status == HttpStatusCode.Conflict && r.Answer.IsProblem, r.Answer.ToString()));
            Record(winners, lecturer, race);
            involved.Add(lecturer);
        }
        else
        {
            output.WriteLine("The plan offers no lecturer two clashing sessions (the planner counts offers as bookings); the clashing race did not run.");
        }

        // Read back through every node: the accepted sessions are exactly the ones the 200s named, and none clash.
        foreach (var node in nodes)
        {
            using var reader = await NodeClient.AsAsync(node, "board", signInThrough: nodes[0]);
            foreach (var lecturerId in involved)
            {
                var accepted = (await Teaching.AssignmentsAsync(reader, lecturerId)).Where(a => a.CycleId == Cycle && a.Status == "Accepted").ToList();
                Assert.True(
                    winners[lecturerId].SetEquals(accepted.Select(a => a.AssignmentId)),
                    $"{node.Name}: lecturer {lecturerId} has accepted [{string.Join(", ", accepted.Select(a => a.AssignmentId))}], the 200s said [{string.Join(", ", winners[lecturerId])}]");
                Assert.DoesNotContain(accepted, a => accepted.Any(a.ClashesWith));
                var view = await reader.GetOkAsync($"/api/lecturers/{lecturerId}");
                var load = view.GetProperty("acceptedSessionsByCycle").TryGetProperty(Cycle, out var count) ? count.GetInt32() : 0;
                Assert.Equal(winners[lecturerId].Count, load);
            }
        }

        // The answers reach the courses asynchronously (a follow-up from the lecturer to the cycle): poll the plan.
        var won = winners.SelectMany(w => w.Value).ToHashSet();
        foreach (var node in nodes)
        {
            using var reader = await NodeClient.AsAsync(node, "board", signInThrough: nodes[0]);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (true)
            {
                var sessions = (await reader.GetOkAsync($"/api/cycles/{Cycle}/plan")).GetProperty("courses").EnumerateArray()
                    .SelectMany(c => c.GetProperty("sessions").EnumerateArray())
                    .Where(s => s.GetProperty("staffing").GetString() == "Accepted")
                    .Select(s => s.GetProperty("assignmentId").GetString()!)
                    .ToHashSet();
                if (sessions.SetEquals(won))
                {
                    break;
                }

                Assert.True(DateTime.UtcNow < deadline, $"{node.Name}: the plan shows accepted [{string.Join(", ", sessions)}], expected [{string.Join(", ", won)}]");
                await Task.Delay(200);
            }
        }
    }

    private sealed record Raced(string Node, string AssignmentId, Answer Answer);

    /// <summary>Sends the accepts together, each through its node, as the lecturer; connections are opened beforehand.</summary>
    private async Task<List<Raced>> RaceAsync(string lecturerId, IReadOnlyList<(GatewayNode Node, string AssignmentId)> accepts)
    {
        var clients = new List<NodeClient>();
        try
        {
            foreach (var (node, _) in accepts)
            {
                var client = await NodeClient.AsAsync(node, $"lecturer-{lecturerId}", signInThrough: cluster.Nodes[0]);
                await client.GetOkAsync($"/api/lecturers/{lecturerId}"); // warm: the connection and the lecturer's activation
                clients.Add(client);
            }

            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var sends = accepts.Select(async (accept, i) =>
            {
                await gate.Task;
                return new Raced(accept.Node.Name, accept.AssignmentId, await clients[i].PostAsync($"/api/lecturers/{lecturerId}/assignments/{accept.AssignmentId}/accept"));
            }).ToList();
            gate.SetResult();
            var raced = (await Task.WhenAll(sends)).ToList();
            output.WriteLine($"race for {lecturerId}:\n{Describe(raced)}");
            return raced;
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    private static void AssertRefusedAs(IEnumerable<Raced> refused, string rule) =>
        Assert.All(refused, r =>
        {
            Assert.True(r.Answer.Status == HttpStatusCode.Conflict && r.Answer.IsProblem, $"{r.Node}: {r.Answer}");
            Assert.Equal(rule, r.Answer.Rule);
        });

    private static void Record(Dictionary<string, HashSet<string>> winners, string lecturerId, IEnumerable<Raced> race)
    {
        var won = winners.TryGetValue(lecturerId, out var set) ? set : winners[lecturerId] = [];
        won.UnionWith(race.Where(r => r.Answer.Status == HttpStatusCode.OK).Select(r => r.AssignmentId));
    }

    private static string Describe(IEnumerable<Raced> race) =>
        string.Join("\n", race.Select(r => $"  {r.Node} accept {r.AssignmentId}: {(int)r.Answer.Status} {r.Answer.Rule}"));
}
