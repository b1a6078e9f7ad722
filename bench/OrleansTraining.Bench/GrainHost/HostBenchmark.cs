using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansTraining.Silo;
using OrleansTraining.Silo.Hosting;

namespace OrleansTraining.Bench.GrainHost;

/// <summary>
/// Grain calls/s (one activation; 10,000 activations) and state writes/s with 64 concurrent grains on SQLite and
/// PostgreSQL. Each figure is the best of three timed rounds after a warm-up round.
/// </summary>
internal static class HostBenchmark
{
    private static readonly TimeSpan Round = TimeSpan.FromSeconds(2);

    public static async Task<int> RunAsync(string[] args)
    {
        var rows = new List<(string Scenario, double PerSecond)>();

        await using (var memory = await StartAsync(host => host.UseInMemory()))
        {
            var grains = memory.Services.GetRequiredService<IGrainFactory>();
            var one = grains.GetGrain<IPingGrain>("one");
            await one.PingAsync();
            rows.Add(("calls, one activation, 1 sequential caller", await MeasureAsync(() => SequentialCallsAsync(one))));
            rows.Add(("calls, one activation, 64 concurrent callers", await MeasureAsync(() => ConcurrentCallsAsync(one, 64))));
            var many = Enumerable.Range(0, 10_000).Select(i => grains.GetGrain<IPingGrain>($"g{i}")).ToArray();
            await Task.WhenAll(many.Select(g => g.PingAsync()));
            rows.Add(("calls, 10,000 activations, 1 caller per core", await MeasureAsync(() => SpreadCallsAsync(many, Environment.ProcessorCount))));
        }

        var sqlitePath = Path.Combine(Path.GetTempPath(), $"orleans-training-bench-{Guid.NewGuid():N}.db");
        await using (var sqlite = await StartAsync(host => host.UseSqlite($"Data Source={sqlitePath}")))
        {
            rows.Add(("state writes, SQLite, 64 concurrent grains", await MeasureWritesAsync(sqlite)));
        }

        DeleteSqlite(sqlitePath);
        var postgres = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres");
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            await using var pg = await StartAsync(host => host.UsePostgres(postgres));
            rows.Add(("state writes, PostgreSQL, 64 concurrent grains", await MeasureWritesAsync(pg)));
        }

        Print(rows, postgres is { Length: > 0 });
        return 0;
    }

    private static async Task<RunningHost> StartAsync(Action<GrainHostBuilder> storage)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddGrainHost(host =>
        {
            host.AddGrains(typeof(PingGrain).Assembly);
            storage(host);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new RunningHost(host);
    }

    private static async Task<double> MeasureWritesAsync(RunningHost host)
    {
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var run = Guid.NewGuid().ToString("N")[..8];
        var tallies = Enumerable.Range(0, 64).Select(i => grains.GetGrain<ITallyGrain>($"{run}-{i}")).ToArray();
        await Task.WhenAll(tallies.Select(t => t.RecordAsync()));
        return await MeasureAsync(() => WritesAsync(tallies));
    }

    /// <summary>One warm-up round, then the best of three.</summary>
    private static async Task<double> MeasureAsync(Func<Task<long>> round)
    {
        await round();
        var best = 0.0;
        for (var i = 0; i < 3; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var operations = await round();
            best = Math.Max(best, operations / Stopwatch.GetElapsedTime(started).TotalSeconds);
        }

        return best;
    }

    private static async Task<long> SequentialCallsAsync(IPingGrain grain)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(Round.TotalSeconds * Stopwatch.Frequency);
        long calls = 0;
        while (Stopwatch.GetTimestamp() < stopAt)
        {
            for (var i = 0; i < 1000; i++)
            {
                await grain.PingAsync();
            }

            calls += 1000;
        }

        return calls;
    }

    private static async Task<long> ConcurrentCallsAsync(IPingGrain grain, int callers)
    {
        var counts = await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(() => SequentialCallsAsync(grain))));
        return counts.Sum();
    }

    private static async Task<long> SpreadCallsAsync(IPingGrain[] grains, int callers)
    {
        var counts = await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            var stopAt = Stopwatch.GetTimestamp() + (long)(Round.TotalSeconds * Stopwatch.Frequency);
            long calls = 0;
            var index = caller;
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                for (var i = 0; i < 1000; i++)
                {
                    await grains[index].AddAsync(1);
                    index = (index + callers) % grains.Length;
                }

                calls += 1000;
            }

            return calls;
        })));
        return counts.Sum();
    }

    private static async Task<long> WritesAsync(ITallyGrain[] tallies)
    {
        var counts = await Task.WhenAll(tallies.Select(async tally =>
        {
            var stopAt = Stopwatch.GetTimestamp() + (long)(Round.TotalSeconds * Stopwatch.Frequency);
            long writes = 0;
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                await tally.RecordAsync();
                writes++;
            }

            return writes;
        }));
        return counts.Sum();
    }

    private static void Print(List<(string Scenario, double PerSecond)> rows, bool hasPostgres)
    {
        Console.WriteLine($"| scenario | per second |");
        Console.WriteLine($"| --- | ---: |");
        foreach (var (scenario, perSecond) in rows)
        {
            Console.WriteLine($"| {scenario} | {perSecond:N0} |");
        }

        Console.WriteLine();
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        Console.WriteLine($"grain-calls/s: {rows.Where(r => r.Scenario.StartsWith("calls", StringComparison.Ordinal)).Max(r => r.PerSecond):F0}");
        Console.WriteLine($"sqlite-writes/s: {rows.Single(r => r.Scenario.Contains("SQLite", StringComparison.Ordinal)).PerSecond:F0}");
        Console.WriteLine(hasPostgres
            ? $"postgres-writes/s: {rows.Single(r => r.Scenario.Contains("PostgreSQL", StringComparison.Ordinal)).PerSecond:F0}"
            : "postgres-writes/s: not measured (set ConnectionStrings__Postgres, or run through scripts/with-postgres.sh)");
    }

    private sealed class RunningHost(IHost host) : IAsyncDisposable
    {
        public IServiceProvider Services => host.Services;

        public async ValueTask DisposeAsync()
        {
            await host.StopAsync();
            await ((IAsyncDisposable)host).DisposeAsync();
        }
    }

    private static void DeleteSqlite(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
