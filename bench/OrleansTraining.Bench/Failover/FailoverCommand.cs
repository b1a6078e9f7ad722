using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace OrleansTraining.Bench.Failover;

/// <summary>
/// failover [--writers 12] [--before 3] [--after 10] [--gateway path]: three gateway processes on a fresh PostgreSQL
/// database (ConnectionStrings__Postgres), a stream of acknowledged writes (lecturers' unavailable dates, round the
/// nodes), SIGKILL of one node in the middle. Prints failover-seconds (from the kill until every survivor serves a read
/// of all lecturers again) and how many acknowledged writes were lost (expected 0).
/// </summary>
internal static class FailoverCommand
{
    private const string SigningKey = "bench-signing-key-for-the-failover-benchmark-0123456789";
    private const string Password = "demo-2027";
    private static readonly DateOnly FirstDay = new(2035, 1, 1);

    public static async Task<int> RunAsync(string[] args)
    {
        var writers = int.Parse(Option(args, "--writers") ?? "12", CultureInfo.InvariantCulture);
        var before = TimeSpan.FromSeconds(double.Parse(Option(args, "--before") ?? "3", CultureInfo.InvariantCulture));
        var after = TimeSpan.FromSeconds(double.Parse(Option(args, "--after") ?? "10", CultureInfo.InvariantCulture));
        var gateway = Option(args, "--gateway") ?? Loopback.GatewayDll;
        var server = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres");
        if (string.IsNullOrWhiteSpace(server))
        {
            Console.Error.WriteLine("failover needs PostgreSQL: set ConnectionStrings__Postgres (e.g. eval \"$(scripts/pg-dev.sh)\").");
            return 2;
        }

        if (!File.Exists(gateway))
        {
            Console.Error.WriteLine($"No gateway at {gateway}; build src/Gateway in the same configuration or pass --gateway.");
            return 2;
        }

        var database = $"bench_failover_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE \"{database}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        var clusterId = $"bench-failover-{Guid.NewGuid():N}"[..30];
        var nodes = Enumerable.Range(1, 3).Select(i => BenchNodes.Create($"node{i}", gateway, connectionString, clusterId, SigningKey, Password)).ToList();
        try
        {
            var start = Stopwatch.StartNew();
            nodes.ForEach(n => n.Start());
            await Task.WhenAll(nodes.Select(n => n.WaitUntilReadyAsync(TimeSpan.FromSeconds(180))));
            Console.WriteLine($"3 gateways ready in {start.Elapsed.TotalSeconds:F1} s ({string.Join(", ", nodes.Select(n => n.BaseAddress))})");

            var victim = nodes[1];
            var survivors = nodes.Where(n => n != victim).ToList();
            var lecturers = Enumerable.Range(1, writers).Select(i => $"l{i:00}").ToList();
            var tokens = new Dictionary<string, string>();
            foreach (var user in lecturers.Select(l => $"lecturer-{l}").Append("board"))
            {
                tokens[user] = await TokenAsync(nodes[0], user);
            }

            var acknowledged = new ConcurrentDictionary<string, int>();
            var sent = new ConcurrentDictionary<string, int>();
            var counts = new ConcurrentDictionary<string, int>();
            using var stop = new CancellationTokenSource();
            var clock = Stopwatch.StartNew();
            var stream = lecturers.Select((lecturer, k) => Task.Run(async () =>
            {
                var clients = nodes.Select(n => Client(n, tokens[$"lecturer-{lecturer}"])).ToList();
                for (var sequence = 1; !stop.IsCancellationRequested; sequence++)
                {
                    var node = (k + sequence) % nodes.Count;
                    var day = FirstDay.AddDays(sequence);
                    sent[lecturer] = sequence;
                    string outcome;
                    try
                    {
                        using var response = await clients[node].PutAsJsonAsync($"/api/lecturers/{lecturer}/unavailability", new { dates = new[] { day } });
                        var ok = response.StatusCode == HttpStatusCode.OK
                            && Days(await response.Content.ReadFromJsonAsync<JsonElement>()).SequenceEqual([day]);
                        if (ok)
                        {
                            acknowledged[lecturer] = sequence;
                        }

                        outcome = ok ? "acknowledged" : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        outcome = "no answer";
                        await Task.Delay(20);
                    }

                    counts.AddOrUpdate(outcome, 1, (_, c) => c + 1);
                }

                clients.ForEach(c => c.Dispose());
            })).ToList();

            await Task.Delay(before);
            var killedAt = clock.Elapsed;
            victim.Kill();
            stop.CancelAfter(after);
            Console.WriteLine($"SIGKILL {victim.Name} at {killedAt.TotalSeconds:F2} s of the stream");

            // Served again: every survivor answers a read of all 40 lecturers (about a third lived on the dead node).
            var recovered = await Task.WhenAll(survivors.Select(async node =>
            {
                using var client = Client(node, tokens["board"]);
                while (clock.Elapsed - killedAt < TimeSpan.FromSeconds(120))
                {
                    try
                    {
                        using var response = await client.GetAsync("/api/lecturers");
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            return clock.Elapsed - killedAt;
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                    }

                    await Task.Delay(50);
                }

                return TimeSpan.MaxValue;
            }));
            await Task.WhenAll(stream);

            var lost = 0;
            foreach (var node in survivors)
            {
                using var client = Client(node, tokens["board"]);
                foreach (var lecturer in lecturers.Where(acknowledged.ContainsKey))
                {
                    var stored = Days(await client.GetFromJsonAsync<JsonElement>($"/api/lecturers/{lecturer}"));
                    var storedSequence = stored.Length == 1 ? stored[0].DayNumber - FirstDay.DayNumber : -1;
                    if (storedSequence < acknowledged[lecturer] || storedSequence > sent[lecturer])
                    {
                        lost++;
                        Console.WriteLine($"  lost: {node.Name} reads write {storedSequence} of {lecturer}, acknowledged {acknowledged[lecturer]}");
                    }
                }
            }

            Console.WriteLine($"writes: {string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}"))}");
            Console.WriteLine(string.Join(", ", survivors.Zip(recovered, (n, t) => $"{n.Name} served again after {t.TotalSeconds:F2} s")));
            Console.WriteLine($"failover-seconds: {recovered.Max().TotalSeconds:F2}");
            Console.WriteLine($"acknowledged-writes-lost: {lost}");
            return lost == 0 ? 0 : 1;
        }
        finally
        {
            nodes.ForEach(n => n.Kill());
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    private static HttpClient Client(GatewayNode node, string token)
    {
        var client = new HttpClient { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string> TokenAsync(GatewayNode node, string userName)
    {
        using var client = new HttpClient { BaseAddress = node.BaseAddress };
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static DateOnly[] Days(JsonElement lecturer) =>
        [.. lecturer.GetProperty("unavailableDates").EnumerateArray().Select(d => DateOnly.Parse(d.GetString()!, CultureInfo.InvariantCulture))];

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
