using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace OrleansTraining.Bench.Load;

/// <summary>
/// load --nodes http://127.0.0.1:5081,… | --start-cluster 3 [--clients 200] [--duration 30s] [--warmup 60s] [--max-requests n]
/// [--log acks.jsonl] [--cycle 2027-2028] [--idempotency-keys]; or load --nodes … --check acks.jsonl.
/// Drives the board's, provinces' and lecturers' flows against the nodes, prints per operation throughput,
/// p50/p99/max latency and outcomes, then looks every acknowledged write up again.
/// </summary>
internal static class LoadCommand
{
    private const string SigningKey = "bench-signing-key-for-the-load-benchmark-0123456789abcdef";

    public static async Task<int> RunAsync(string[] args)
    {
        var (options, error) = LoadOptions.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine($"load: {error}");
            return 2;
        }

        if (options.CheckPath is { } checkPath)
        {
            using var checkApi = new LoadApi(options.Nodes, 16);
            var board = await checkApi.TokenAsync("board", options.Password);
            return Report(await LoadChecker.CheckAsync(checkApi, board, AckLog.Read(checkPath)));
        }

        if (options.StartCluster == 0)
        {
            return await LoadAsync(options);
        }

        var server = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres");
        if (string.IsNullOrWhiteSpace(server) || !File.Exists(Loopback.GatewayDll))
        {
            Console.Error.WriteLine($"--start-cluster needs ConnectionStrings__Postgres (eval \"$(scripts/pg-dev.sh)\") and the built gateway at {Loopback.GatewayDll}.");
            return 2;
        }

        var database = $"bench_load_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE \"{database}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        var clusterId = $"bench-load-{Guid.NewGuid():N}"[..30];
        var nodes = Enumerable.Range(1, options.StartCluster)
            .Select(i => BenchNodes.Create($"node{i}", Loopback.GatewayDll, connectionString, clusterId, SigningKey, options.Password)).ToList();
        try
        {
            var start = Stopwatch.StartNew();
            // The first node loads the demo into the empty database; the others join once it is there.
            nodes[0].Start();
            await nodes[0].WaitUntilReadyAsync(TimeSpan.FromSeconds(180));
            nodes.Skip(1).ToList().ForEach(n => n.Start());
            await Task.WhenAll(nodes.Skip(1).Select(n => n.WaitUntilReadyAsync(TimeSpan.FromSeconds(180))));
            Console.WriteLine($"{nodes.Count} gateways on PostgreSQL ready in {start.Elapsed.TotalSeconds:F1} s ({string.Join(", ", nodes.Select(n => n.BaseAddress))})");
            return await LoadAsync(options with { Nodes = [.. nodes.Select(n => n.BaseAddress)] });
        }
        finally
        {
            nodes.ForEach(n => n.Kill());
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    private static async Task<int> LoadAsync(LoadOptions options)
    {
        using var api = new LoadApi(options.Nodes, options.Clients);
        var setupClock = Stopwatch.StartNew();
        var world = await LoadSetup.PrepareAsync(api, options.CycleId, options.Password);
        Console.WriteLine($"setup {setupClock.Elapsed.TotalSeconds:F1} s: cycle {world.CycleId} published, {world.Requests.Count} hosting requests "
            + $"({world.ProvinceTokens.Count} provinces), {world.Offers.Count} offers ({world.LecturerTokens.Count} lecturers)");
        Console.WriteLine($"load: {options.Clients} clients, {options.Nodes.Count} nodes, {options.Warmup.TotalSeconds:F0} s warm-up, "
            + $"then up to {options.Duration.TotalSeconds:F0} s and {options.MaxRequests:N0} requests");

        await using var log = new AckLog(options.LogPath);
        var run = new LoadRun(api, world, options, log);
        if (options.Warmup > TimeSpan.Zero)
        {
            var (warm, warmElapsed) = await run.RunAsync(options.Warmup, options.MaxRequests);
            Console.WriteLine($"warm-up {warmElapsed.TotalSeconds:F1} s: {warm.Sum(o => o.Count):N0} requests, {warm.Sum(o => o.Errors):N0} errors (not in the table)");
        }

        var (operations, elapsed) = await run.RunAsync(options.Duration, options.MaxRequests);
        Print(operations, elapsed);
        var result = Report(await LoadChecker.CheckAsync(api, world.BoardToken, log.Entries));
        return operations.Sum(o => o.Errors) == 0 ? result : 1;
    }

    private static void Print(IReadOnlyList<OperationSummary> operations, TimeSpan elapsed)
    {
        static string Ms(double v) => v.ToString("F1", CultureInfo.InvariantCulture);
        Console.WriteLine();
        Console.WriteLine($"| operation | requests | per s | p50 ms | p99 ms | max ms | 2xx | expected 409 | errors |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var o in operations)
        {
            Console.WriteLine($"| {o.Name} | {o.Count:N0} | {o.PerSecond:N0} | {Ms(o.P50)} | {Ms(o.P99)} | {Ms(o.Max)} | {o.Success:N0} | {o.ExpectedConflicts:N0} | {o.Errors:N0} |");
        }

        var total = operations.Sum(o => o.Count);
        Console.WriteLine($"| **all** | {total:N0} | {total / elapsed.TotalSeconds:N0} | | | {Ms(operations.Max(o => o.Max))} | "
            + $"{operations.Sum(o => o.Success):N0} | {operations.Sum(o => o.ExpectedConflicts):N0} | {operations.Sum(o => o.Errors):N0} |");
        Console.WriteLine($"elapsed {elapsed.TotalSeconds:F1} s");
        foreach (var o in operations.Where(o => o.Errors > 0))
        {
            Console.WriteLine($"  errors of {o.Name}: {string.Join(", ", o.ErrorKinds.Select(k => $"{k.Key} × {k.Value}"))}");
        }
    }

    private static int Report((int Found, IReadOnlyList<AckEntry> Missing) check)
    {
        Console.WriteLine($"acknowledged writes looked up: {check.Found + check.Missing.Count:N0}, found {check.Found:N0}, missing {check.Missing.Count:N0}");
        foreach (var entry in check.Missing.Take(10))
        {
            Console.WriteLine($"  missing: {entry.ToLine()}");
        }

        return check.Missing.Count == 0 ? 0 : 1;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
