using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Hosting;
using OrleansTraining.Silo;

namespace OrleansTraining.Bench.GrainHost;

/// <summary>
/// Grain calls per second inside the silo's process (10,000 grains, one caller per core) for our grain shape and a bare
/// Orleans grain in the same run, the same through a separate client, and state writes per second with 64 concurrent
/// grains on SQLite and (when ConnectionStrings__Postgres is set) PostgreSQL. Each figure is the best of three 2-second rounds.
/// </summary>
public static class HostBenchmark
{
    private const int Grains = 10_000;
    private static readonly TimeSpan Round = TimeSpan.FromSeconds(2);

    public static async Task<int> RunAsync(string[] args)
    {
        var sqlite = $"Data Source={Path.Combine(Path.GetTempPath(), $"orleans-training-bench-{Guid.NewGuid():N}.db")}";
        await using (var host = await StartAsync("Sqlite", sqlite))
        {
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            var ours = await CallsAsync(i => grains.GetGrain<ITallyGrain>($"t{i % Grains}").PingAsync(i));
            var bare = await CallsAsync(i => grains.GetGrain<IBarePingGrain>($"b{i % Grains}").PingAsync(i));
            Console.WriteLine($"grain calls in the silo, 10,000 grains: ours {ours:N0}/s, bare Orleans {bare:N0}/s, ratio {(double)ours / bare:0.00}");
            var writes = await WritesAsync(grains, "sqlite");
            Console.WriteLine($"state writes, SQLite, 64 concurrent grains: {writes:N0}/s");
            Console.WriteLine($"grain-calls/s: {ours}");
            Console.WriteLine($"bare-grain-calls/s: {bare}");
            Console.WriteLine($"sqlite-writes/s: {writes}");

            using var client = await StartClientAsync(host.GatewayPort);
            var clientGrains = client.Services.GetRequiredService<IGrainFactory>();
            var viaClient = await CallsAsync(i => clientGrains.GetGrain<ITallyGrain>($"t{i % Grains}").PingAsync(i));
            var bareViaClient = await CallsAsync(i => clientGrains.GetGrain<IBarePingGrain>($"b{i % Grains}").PingAsync(i));
            Console.WriteLine($"grain calls through a client: ours {viaClient:N0}/s, bare Orleans {bareViaClient:N0}/s");
            Console.WriteLine($"client-grain-calls/s: {viaClient}");
            await client.StopAsync();
        }

        if (Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") is { Length: > 0 } postgres)
        {
            await using var host = await StartAsync("Postgres", postgres);
            var writes = await WritesAsync(host.Services.GetRequiredService<IGrainFactory>(), $"pg-{Guid.NewGuid():N}");
            Console.WriteLine($"state writes, PostgreSQL, 64 concurrent grains: {writes:N0}/s");
            Console.WriteLine($"postgres-writes/s: {writes}");
        }

        return 0;
    }

    private static async Task<long> CallsAsync(Func<int, Task<int>> call)
    {
        var callers = Environment.ProcessorCount;
        for (var i = 0; i < Grains; i++)
        {
            await call(i); // activates every grain before measuring
        }

        long best = 0;
        for (var round = 0; round < 4; round++)
        {
            long total = 0;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, callers).Select(async c =>
            {
                var n = 0L;
                var i = c;
                while (clock.Elapsed < Round)
                {
                    await call(i);
                    i += callers;
                    n++;
                }

                Interlocked.Add(ref total, n);
            }));
            if (round > 0)
            {
                best = Math.Max(best, (long)(total / clock.Elapsed.TotalSeconds));
            }
        }

        return best;
    }

    private static async Task<long> WritesAsync(IGrainFactory grains, string prefix)
    {
        long best = 0;
        for (var round = 0; round < 4; round++)
        {
            long total = 0;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, 64).Select(async g =>
            {
                var grain = grains.GetGrain<ITallyGrain>($"{prefix}-w{g}");
                var n = 0L;
                while (clock.Elapsed < Round)
                {
                    await grain.RecordAsync();
                    n++;
                }

                Interlocked.Add(ref total, n);
            }));
            if (round > 0)
            {
                best = Math.Max(best, (long)(total / clock.Elapsed.TotalSeconds));
            }
        }

        return best;
    }

    private static async Task<BenchSilo> StartAsync(string provider, string connectionString)
    {
        var gatewayPort = FreePort();
        var configuration = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider,
            [$"ConnectionStrings:{provider}"] = connectionString,
            ["Orleans:SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:ClusterId"] = $"bench-{Guid.NewGuid():N}",
        };
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo.AddTrainingSilo(builder.Configuration));
        var host = builder.Build();
        await host.StartAsync();
        return new BenchSilo(host, gatewayPort);
    }

    private static async Task<IHost> StartClientAsync(int gatewayPort)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client => client.UseLocalhostClustering(gatewayPort));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record BenchSilo(IHost Host, int GatewayPort) : IAsyncDisposable
    {
        public IServiceProvider Services => Host.Services;

        public async ValueTask DisposeAsync()
        {
            await Host.StopAsync();
            Host.Dispose();
        }
    }
}
