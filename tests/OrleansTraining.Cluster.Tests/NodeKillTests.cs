using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using OrleansTraining.Cluster.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansTraining.Cluster.Tests;

/// <summary>
/// One of the three nodes is killed with SIGKILL in the middle of a stream of writes spread over all three. Nothing
/// acknowledged is lost, the other two serve again within seconds, the deadlines (reminders) the dead node owned fire on
/// the others, and the node, started again on the same ports, rejoins.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class NodeKillTests(GatewayCluster cluster, ITestOutputHelper output)
{
    private const string Cycle = GatewayCluster.DemoCycle;

    /// <summary>The issue's bound on failover: the surviving nodes serve again within this time of the kill.</summary>
    private static readonly TimeSpan FailoverBound = TimeSpan.FromSeconds(10);

    /// <summary>The stream goes on this long after the kill (it starts <see cref="KillAfter"/> before it).</summary>
    private static readonly TimeSpan StreamAfterKill = TimeSpan.FromSeconds(8);

    private static readonly TimeSpan KillAfter = TimeSpan.FromSeconds(3);

    /// <summary>
    /// The kill comes this long before the offers' deadline, so the deadline falls while the dead node is not yet
    /// declared dead: its reminders are due while nobody owns them, the hardest moment for a take-over.
    /// </summary>
    private static readonly TimeSpan KillBeforeDeadline = TimeSpan.FromSeconds(1);

    /// <summary>How late a deadline may fire after it was missed that way: the reminders' retry period (one minute), plus slack.</summary>
    private static readonly TimeSpan EscalationGrace = TimeSpan.FromSeconds(90);

    /// <summary>Write n of a lecturer declares exactly one day unavailable: this day plus n days (far from every cycle).</summary>
    private static readonly DateOnly FirstDay = new(2035, 1, 1);

    private static readonly string[] Writers = [.. Enumerable.Range(1, 12).Select(i => $"l{i:00}")];

    private sealed record Write(string LecturerId, int Sequence, string Node, TimeSpan SentAt, TimeSpan AnsweredAt, int Status, bool Acknowledged, string Detail);

    [Fact]
    public async Task A_node_killed_under_load_loses_no_acknowledged_write_and_its_deadlines_fire_on_the_others()
    {
        await cluster.EnsureAllRunningAsync();
        var nodes = cluster.Nodes;
        var victim = nodes[1];
        GatewayNode[] survivors = [nodes[0], nodes[2]];

        // Publishing sends 200 offers, each with a deadline reminder due OfferAnswer from now, spread over the three
        // silos' reminder ranges.
        using var board = await NodeClient.AsAsync(nodes[0], "board");
        var publishing = Stopwatch.StartNew();
        var offered = Teaching.OfferedSessions(await Cycles.PlanAndPublishAsync(board, Cycle)).Select(o => o.AssignmentId).ToHashSet();
        output.WriteLine($"planned and published {offered.Count} offers in {publishing.Elapsed.TotalSeconds:0.0} s");
        var firstDeadline = (await Teaching.AssignmentsAsync(board, Teaching.OfferedSessions(await board.GetOkAsync($"/api/cycles/{Cycle}/plan"))[0].LecturerId))
            .Where(a => a.CycleId == Cycle).Select(a => a.AnswerBy).Min();

        // Each writer lecturer has a client on every node; the stream goes round the nodes.
        var clients = new Dictionary<string, NodeClient[]>();
        foreach (var lecturerId in Writers)
        {
            clients[lecturerId] = await Task.WhenAll(nodes.Select(n => NodeClient.AsAsync(n, $"lecturer-{lecturerId}", signInThrough: nodes[0], timeout: TimeSpan.FromSeconds(30))));
        }

        // Every offer went out with one deadline; the stream starts so that the kill comes just before it.
        var killAtUtc = firstDeadline - KillBeforeDeadline;
        var wait = killAtUtc - KillAfter - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        var writes = new ConcurrentQueue<Write>();
        using var streamEnd = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        TimeSpan? killedAt = null;
        var writers = Writers.Select((lecturerId, k) => Task.Run(async () =>
        {
            for (var sequence = 1; !streamEnd.IsCancellationRequested; sequence++)
            {
                var node = (k + sequence) % nodes.Count;
                var dates = new[] { Day(sequence) };
                var sentAt = clock.Elapsed;
                try
                {
                    var answer = await clients[lecturerId][node].PutAsync($"/api/lecturers/{lecturerId}/unavailability", new { dates });
                    var acknowledged = answer.Status == HttpStatusCode.OK && StoredDays(answer.Json).SequenceEqual(dates);
                    writes.Enqueue(new Write(lecturerId, sequence, nodes[node].Name, sentAt, clock.Elapsed, (int)answer.Status, acknowledged, acknowledged ? "" : answer.Text));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    writes.Enqueue(new Write(lecturerId, sequence, nodes[node].Name, sentAt, clock.Elapsed, 0, false, e.Message));
                    await Task.Delay(20);
                }
            }
        })).ToList();

        var untilKill = killAtUtc - DateTimeOffset.UtcNow;
        await Task.Delay(untilKill > TimeSpan.Zero ? untilKill : TimeSpan.Zero);
        killedAt = clock.Elapsed;
        var killedAtUtc = DateTimeOffset.UtcNow;
        victim.Kill();
        streamEnd.CancelAfter(StreamAfterKill);

        // From the kill on, each survivor is asked for every lecturer (40 grains, about a third of them lived on the
        // dead node) until it answers: the time of its first answer is when it serves again.
        var recovered = await Task.WhenAll(survivors.Select(async node =>
        {
            using var reader = await NodeClient.AsAsync(node, "board", signInThrough: nodes[0], timeout: TimeSpan.FromSeconds(30));
            var failures = new List<string>();
            while (clock.Elapsed - killedAt.Value < TimeSpan.FromSeconds(60))
            {
                try
                {
                    var answer = await reader.GetAsync("/api/lecturers");
                    if (answer.Status == HttpStatusCode.OK)
                    {
                        return (Node: node.Name, After: clock.Elapsed - killedAt.Value, Failures: failures);
                    }

                    failures.Add($"{(int)answer.Status}");
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    failures.Add(e.GetType().Name);
                }

                await Task.Delay(50);
            }

            return (Node: node.Name, After: TimeSpan.MaxValue, Failures: failures);
        }));
        await Task.WhenAll(writers);
        foreach (var client in clients.Values.SelectMany(c => c))
        {
            client.Dispose();
        }

        var all = writes.OrderBy(w => w.SentAt).ToList();
        var failoverSeconds = recovered.Max(r => r.After).TotalSeconds;
        output.WriteLine($"killed {victim.Name} at {killedAt.Value.TotalSeconds:0.00} s of the stream ({killedAtUtc:HH:mm:ss.fff}); first deadline {firstDeadline:HH:mm:ss.fff}");
        foreach (var (node, after, failures) in recovered)
        {
            output.WriteLine($"{node} served all lecturers again {after.TotalSeconds:0.00} s after the kill (failed reads before: {string.Join(",", failures.GroupBy(f => f).Select(g => $"{g.Key}x{g.Count()}"))})");
        }

        output.WriteLine($"failover-seconds: {failoverSeconds:0.00}");
        output.WriteLine($"node logs: {string.Join(" ", nodes.Select(n => n.LogPath))}");
        output.WriteLine($"writes: {all.Count} sent, {all.Count(w => w.Acknowledged)} acknowledged ({all.Count(w => w.Acknowledged && w.SentAt > killedAt)} sent after the kill)");
        foreach (var group in all.Where(w => !w.Acknowledged).GroupBy(w => (w.Node, w.Status)))
        {
            output.WriteLine($"  not acknowledged through {group.Key.Node}: status {group.Key.Status} x{group.Count()} (e.g. {Shorten(group.First().Detail)})");
        }

        // A survivor never answers 500 for the dead node: what it could not do is a 503 to retry (or a 409 to retry).
        Assert.All(all.Where(w => w.Node != victim.Name && !w.Acknowledged), w => Assert.True(w.Status is 503 or 409, $"{w.Node}: {w.Status} {w.Detail}"));
        Assert.All(recovered.SelectMany(r => r.Failures), f => Assert.Equal("503", f));

        // The stream really was under way on every node before the kill, and went on through the survivors after it.
        Assert.All(nodes, n => Assert.Contains(all, w => w.Acknowledged && w.Node == n.Name && w.AnsweredAt < killedAt));
        Assert.All(survivors, n => Assert.Contains(all, w => w.Acknowledged && w.Node == n.Name && w.SentAt > killedAt));

        // Every acknowledged write is there, through every survivor: the stored day is the last acknowledged one or
        // a later one that was sent (a write whose answer was lost may still have been applied).
        var lost = new List<string>();
        foreach (var node in survivors)
        {
            using var reader = await NodeClient.AsAsync(node, "board", signInThrough: nodes[0]);
            foreach (var lecturerId in Writers)
            {
                var mine = all.Where(w => w.LecturerId == lecturerId).ToList();
                var lastAcknowledged = mine.Where(w => w.Acknowledged).Select(w => w.Sequence).DefaultIfEmpty(0).Max();
                var lastSent = mine.Select(w => w.Sequence).DefaultIfEmpty(0).Max();
                var stored = StoredDays(await reader.GetOkAsync($"/api/lecturers/{lecturerId}"));
                var storedSequence = stored.Length == 1 ? stored[0].DayNumber - FirstDay.DayNumber : -1;
                if (lastAcknowledged > 0 && (storedSequence < lastAcknowledged || storedSequence > lastSent))
                {
                    lost.Add($"{node.Name}: {lecturerId} stores [{string.Join(", ", stored)}] (write {storedSequence}); last acknowledged {lastAcknowledged}, last sent {lastSent}");
                }
            }
        }

        output.WriteLine($"acknowledged writes lost: {lost.Count}");
        Assert.True(lost.Count == 0, string.Join("\n", lost));

        // The issue's bound, and the only timed assertion here.
        Assert.True(failoverSeconds < FailoverBound.TotalSeconds, $"The survivors served again only {failoverSeconds:0.00} s after the kill.\n{cluster.Output()}");

        // The deadlines were due just after the kill, before the cluster had declared the node dead, and the node
        // stays down: every unanswered offer escalates to the cycle all the same, so the reminders the dead node
        // owned fired on a survivor (at worst one retry period late).
        Assert.True(killedAtUtc < firstDeadline, $"The kill ({killedAtUtc:HH:mm:ss.fff}) came after the offers' deadline ({firstDeadline:HH:mm:ss.fff}); the test proves nothing about reminders.");
        var escalationDeadline = firstDeadline + EscalationGrace;
        HashSet<string> escalated = [];
        for (var i = 0; ; i++)
        {
            using var reader = await NodeClient.AsAsync(survivors[i % 2], "board", signInThrough: nodes[0]);
            var cycle = await reader.GetAsync($"/api/cycles/{Cycle}");
            if (cycle.Status == HttpStatusCode.OK)
            {
                escalated = [.. cycle.Json.GetProperty("escalations").EnumerateArray()
                    .Where(e => e.GetProperty("kind").GetString() == "OfferUnanswered" && e.GetProperty("resolvedAt").ValueKind == JsonValueKind.Null)
                    .Select(e => e.GetProperty("subjectKey").GetString()!)];
            }

            if (offered.IsSubsetOf(escalated))
            {
                break;
            }

            if (i % 20 == 0)
            {
                output.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss.fff}: {offered.Count(escalated.Contains)} of {offered.Count} offers escalated");
            }

            Assert.True(
                DateTimeOffset.UtcNow < escalationDeadline,
                $"{offered.Except(escalated).Count()} of {offered.Count} unanswered offers never escalated (last read: {cycle.Status}).\n{cluster.Output()}");
            await Task.Delay(500);
        }

        Assert.False(victim.IsRunning);
        output.WriteLine($"all {offered.Count} offers escalated {(DateTimeOffset.UtcNow - firstDeadline).TotalSeconds:0.0} s after their deadline, while {victim.Name} was down");

        // The killed node starts again on the same ports, is ready, and serves.
        victim.Start();
        await victim.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
        using (var anonymous = NodeClient.Anonymous(victim))
        {
            var ready = await anonymous.GetAsync("/health/ready");
            Assert.True(ready.Status == HttpStatusCode.OK, ready.ToString());
        }

        using var back = await NodeClient.AsAsync(victim, "board", signInThrough: victim);
        Assert.Equal("Published", (await back.GetOkAsync($"/api/cycles/{Cycle}")).GetProperty("status").GetString());
        var lastOfFirst = all.Where(w => w.LecturerId == Writers[0] && w.Acknowledged).Select(w => w.Sequence).Max();
        var storedThere = StoredDays(await back.GetOkAsync($"/api/lecturers/{Writers[0]}"));
        Assert.True(storedThere.Length == 1 && storedThere[0] >= Day(lastOfFirst), $"{victim.Name} reads [{string.Join(", ", storedThere)}] for {Writers[0]}, acknowledged {Day(lastOfFirst)}");
        output.WriteLine($"{victim.Name} rejoined and serves");
    }

    private static DateOnly Day(int sequence) => FirstDay.AddDays(sequence);

    private static DateOnly[] StoredDays(JsonElement lecturer) =>
        [.. lecturer.GetProperty("unavailableDates").EnumerateArray().Select(d => DateOnly.Parse(d.GetString()!, CultureInfo.InvariantCulture))];

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "…";
}
