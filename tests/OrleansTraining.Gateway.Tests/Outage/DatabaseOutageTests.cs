using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansTraining.Gateway.Tests.Infrastructure;
using OrleansTraining.TestKit;
using Xunit.Abstractions;

namespace OrleansTraining.Gateway.Tests.Outage;

/// <summary>
/// PostgreSQL stops in the middle of a stream of writes and starts again (issue 10, item 6): while it is down every
/// write answers a 503 problem with Retry-After within a few seconds (never a 500, never a hang); the gateway serves
/// writes again by itself once it is back; and every write it acknowledged is there afterwards, read by a gateway
/// started afresh on the same database.
/// </summary>
public sealed class DatabaseOutageTests(ITestOutputHelper output)
{
    /// <summary>How long any single answer may take, outage or not (a loaded 2-core machine included).</summary>
    private static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(8);

    /// <summary>Writes go on this long before the stop, and the database stays down this long.</summary>
    private static readonly TimeSpan BeforeStop = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan Down = TimeSpan.FromSeconds(4);

    /// <summary>Every writer has a write acknowledged within this time of the database's return.</summary>
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(20);

    /// <summary>Write n of a lecturer declares exactly one day unavailable: this day plus n days (far from every cycle).</summary>
    private static readonly DateOnly FirstDay = new(2036, 1, 1);

    private static readonly string[] Writers = ["l01", "l02", "l03", "l04"];

    /// <summary>
    /// Each failed write is logged with its stack by Orleans and by the gateway: hundreds of them would only slow a
    /// loaded machine. The test's own output says what happened; a 500 is still logged.
    /// </summary>
    private static readonly Dictionary<string, string?> QuietOutage = new()
    {
        ["Logging:LogLevel:Orleans"] = "Critical",
        ["Logging:LogLevel:OrleansTraining.Gateway.Problems"] = "Error",
    };

    private sealed record Write(string LecturerId, int Sequence, TimeSpan SentAt, TimeSpan AnsweredAt, int Status, string? RetryAfter, string? MediaType, string Body)
    {
        public bool Acknowledged => Status == 200;

        public TimeSpan Took => AnsweredAt - SentAt;
    }

    [Fact]
    public async Task Writes_answer_503_while_PostgreSQL_is_down_and_nothing_acknowledged_is_lost()
    {
        var total = Stopwatch.StartNew();
        await using var postgres = await PrivatePostgres.StartAsync();
        output.WriteLine($"{total.Elapsed.TotalSeconds:0.0} s: PostgreSQL of the test started");
        var writes = new ConcurrentQueue<Write>();
        TimeSpan stoppingAt, stoppedAt, resumingAt, resumedAt;
        var clock = Stopwatch.StartNew();
        Dictionary<string, string> tokens;
        HttpResponseMessage coldRead;

        await using (var gateway = new GatewayFactory(StorageKind.Postgres, postgres.ConnectionString, QuietOutage))
        {
            var session = new GatewaySession(gateway);
            tokens = [];
            foreach (var lecturerId in Writers)
            {
                tokens[lecturerId] = await GatewayClients.TokenAsync(session.Anonymous(), $"lecturer-{lecturerId}");
            }

            using var board = await session.BoardAsync();

            using var streamEnd = new CancellationTokenSource();
            var recovered = new ConcurrentDictionary<string, TimeSpan>();
            TimeSpan? resumed = null;
            output.WriteLine($"{total.Elapsed.TotalSeconds:0.0} s: gateway ready, writers signed in");
            clock.Restart();
            var writers = Writers.Select(lecturerId => Task.Run(async () =>
            {
                using var client = session.WithToken(tokens[lecturerId]);
                for (var sequence = 1; !streamEnd.IsCancellationRequested; sequence++)
                {
                    var sentAt = clock.Elapsed;
                    using var request = new CancellationTokenSource(AnswerBound * 3);
                    HttpResponseMessage response;
                    try
                    {
                        response = await client.PutAsJsonAsync($"/api/lecturers/{lecturerId}/unavailability", new { dates = new[] { Day(sequence) } }, request.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        writes.Enqueue(new Write(lecturerId, sequence, sentAt, clock.Elapsed, 0, null, null, "no answer"));
                        continue;
                    }

                    var body = await response.Content.ReadAsStringAsync();
                    var write = new Write(
                        lecturerId, sequence, sentAt, clock.Elapsed, (int)response.StatusCode,
                        response.Headers.RetryAfter?.ToString(), response.Content.Headers.ContentType?.MediaType, body);
                    writes.Enqueue(write);
                    if (write.Acknowledged && resumed is { } since && sentAt > since)
                    {
                        recovered.TryAdd(lecturerId, write.AnsweredAt - since);
                    }

                    if (!write.Acknowledged)
                    {
                        // A client told to retry does not hammer.
                        await Task.Delay(100);
                    }
                }
            })).ToList();

            await Task.Delay(BeforeStop);
            stoppingAt = clock.Elapsed;
            await postgres.StopAsync();
            stoppedAt = clock.Elapsed;

            // A grain not in memory cannot even be activated (its state is read first): also a 503, not a 500.
            coldRead = await board.GetAsync($"/api/lecturers/never-activated-{Guid.NewGuid():N}"[..40]);
            var downFor = clock.Elapsed - stoppedAt;
            await Task.Delay(downFor < Down ? Down - downFor : TimeSpan.Zero);
            resumingAt = clock.Elapsed;
            await postgres.ResumeAsync();
            resumedAt = clock.Elapsed;
            resumed = resumedAt;
            var deadline = resumedAt + RecoveryBound;
            while (recovered.Count < Writers.Length && clock.Elapsed < deadline)
            {
                await Task.Delay(100);
            }

            // A little more load after the last writer recovered, then the stream ends.
            await Task.Delay(TimeSpan.FromSeconds(1));
            await streamEnd.CancelAsync();
            await Task.WhenAll(writers);

            var all = writes.OrderBy(w => w.SentAt).ToList();
            output.WriteLine(
                $"stopping {stoppingAt.TotalSeconds:0.00}-{stoppedAt.TotalSeconds:0.00} s, resuming {resumingAt.TotalSeconds:0.00}-{resumedAt.TotalSeconds:0.00} s; " +
                $"{all.Count} writes, {all.Count(w => w.Acknowledged)} acknowledged");
            foreach (var group in all.GroupBy(w => (w.Status, Phase: Phase(w, stoppingAt, resumedAt))))
            {
                output.WriteLine($"  {group.Key.Phase}: {group.Key.Status} x{group.Count()}, slowest {group.Max(w => w.Took).TotalSeconds:0.00} s (e.g. {Shorten(group.First().Body)})");
            }

            foreach (var (lecturerId, after) in recovered.OrderBy(r => r.Key))
            {
                output.WriteLine($"  {lecturerId}: first acknowledged write {after.TotalSeconds:0.00} s after the database returned");
            }

            // The outage really hit the stream: writes were acknowledged before it, and refused during it.
            Assert.All(Writers, l => Assert.Contains(all, w => w.LecturerId == l && w.Acknowledged && w.AnsweredAt < stoppingAt));
            Assert.All(Writers, l => Assert.Contains(all, w => w.LecturerId == l && w.Status == 503 && w.SentAt > stoppedAt && w.AnsweredAt < resumingAt));
            Assert.DoesNotContain(all, w => w.Acknowledged && w.SentAt > stoppedAt && w.AnsweredAt < resumingAt);

            // Nothing but acknowledgements and 503 problems that say when to retry, each within the bound.
            Assert.All(all, w => Assert.True(w.Status is 200 or 503, $"{w.LecturerId} write {w.Sequence}: {w.Status} {w.Body}"));
            Assert.All(all.Where(w => w.Status == 503), w =>
            {
                Assert.Equal("application/problem+json", w.MediaType);
                Assert.Equal(503, JsonDocument.Parse(w.Body).RootElement.GetProperty("status").GetInt32());
                Assert.False(string.IsNullOrEmpty(w.RetryAfter), $"{w.LecturerId} write {w.Sequence}: a 503 without Retry-After");
            });
            Assert.All(all, w => Assert.True(w.Took < AnswerBound, $"{w.LecturerId} write {w.Sequence} ({Phase(w, stoppingAt, resumedAt)}) took {w.Took.TotalSeconds:0.00} s: {w.Status}"));

            var coldProblem = await coldRead.ProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.NotNull(coldRead.Headers.RetryAfter);
            output.WriteLine($"  a grain activated during the outage: {(int)coldRead.StatusCode} {coldProblem.GetProperty("title").GetString()}");

            // Back by itself: every writer had a write acknowledged soon after the database returned.
            Assert.True(recovered.Count == Writers.Length, $"Only {string.Join(", ", recovered.Keys)} had a write acknowledged within {RecoveryBound.TotalSeconds:0} s of the database's return.");
        }

        // Nothing acknowledged is lost: a gateway started afresh on the database reads, for every writer, the last
        // acknowledged write or a later one that was sent (a write refused as the database went down may still have
        // committed).
        // A new process would start with empty connection pools; this one still pools connections the stop cut.
        Npgsql.NpgsqlConnection.ClearAllPools();
        output.WriteLine($"{total.Elapsed.TotalSeconds:0.0} s: stream over, gateway stopped");
        await using (var again = new GatewayFactory(StorageKind.Postgres, postgres.ConnectionString, QuietOutage))
        {
            var session = new GatewaySession(again);
            var lost = new List<string>();
            foreach (var lecturerId in Writers)
            {
                var mine = writes.Where(w => w.LecturerId == lecturerId).ToList();
                var lastAcknowledged = mine.Where(w => w.Acknowledged).Max(w => w.Sequence);
                var lastSent = mine.Max(w => w.Sequence);
                using var client = session.WithToken(tokens[lecturerId]);
                var lecturer = await (await client.GetAsync($"/api/lecturers/{lecturerId}")).JsonAsync(HttpStatusCode.OK);
                var stored = lecturer.GetProperty("unavailableDates").EnumerateArray().Select(d => DateOnly.Parse(d.GetString()!, CultureInfo.InvariantCulture)).ToList();
                var storedSequence = stored.Count == 1 ? stored[0].DayNumber - FirstDay.DayNumber : -1;
                output.WriteLine($"  {lecturerId}: stores write {storedSequence}; last acknowledged {lastAcknowledged}, last sent {lastSent}");
                if (storedSequence < lastAcknowledged || storedSequence > lastSent)
                {
                    lost.Add($"{lecturerId} stores [{string.Join(", ", stored)}] (write {storedSequence}); last acknowledged {lastAcknowledged}, last sent {lastSent}");
                }
            }

            Assert.True(lost.Count == 0, string.Join("\n", lost));
            output.WriteLine($"{total.Elapsed.TotalSeconds:0.0} s: read back through a fresh gateway");
        }
    }

    private static DateOnly Day(int sequence) => FirstDay.AddDays(sequence);

    private static string Phase(Write write, TimeSpan stoppedAt, TimeSpan resumedAt) =>
        write.AnsweredAt < stoppedAt ? "before" : write.SentAt > resumedAt ? "after" : "during";

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
