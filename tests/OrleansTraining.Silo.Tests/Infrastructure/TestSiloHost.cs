using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Hosting;
using OrleansTraining.TestKit;

namespace OrleansTraining.Silo.Tests.Infrastructure;

/// <summary>A real silo (or client) host configured only through AddTrainingSilo / AddTrainingClient and in-memory settings.</summary>
internal sealed class TestSiloHost : IAsyncDisposable
{
    private readonly IHost _host;

    private TestSiloHost(IHost host)
    {
        _host = host;
    }

    public IServiceProvider Services => _host.Services;

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    /// <summary>
    /// Settings for one silo: fresh ports, and a response timeout long enough for hundreds of queued writes to one grain
    /// on a loaded machine (these tests check storage and clustering, not deadlocks).
    /// </summary>
    public static Dictionary<string, string?> Settings(string provider, string connectionString, string clusterId) => new()
    {
        ["Storage:Provider"] = provider,
        [$"ConnectionStrings:{provider}"] = connectionString,
        ["Orleans:ClusterId"] = clusterId,
        ["Orleans:ServiceId"] = clusterId,
        ["Orleans:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Orleans:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Orleans:ResponseTimeout"] = "00:01:00",
    };

    public static async Task<TestSiloHost> StartSiloAsync(IDictionary<string, string?> settings, Action<ISiloBuilder>? configure = null)
    {
        var builder = Builder(settings);
        builder.UseOrleans(silo =>
        {
            silo.AddTrainingSilo(builder.Configuration);
            // Production keeps Orleans' one-minute floor; tests tick every second.
            silo.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            configure?.Invoke(silo);
        });
        return await StartAsync(builder);
    }

    public static async Task<TestSiloHost> StartClientAsync(IDictionary<string, string?> settings)
    {
        var builder = Builder(settings);
        builder.UseOrleansClient(client => client.AddTrainingClient(builder.Configuration));
        return await StartAsync(builder);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _host.StopAsync(timeout.Token);
        }
        finally
        {
            _host.Dispose();
        }
    }

    private static HostApplicationBuilder Builder(IDictionary<string, string?> settings)
    {
        // No default sources: the machine's environment (e.g. ConnectionStrings__Postgres) must not leak in.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }

    private static async Task<TestSiloHost> StartAsync(HostApplicationBuilder builder)
    {
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new TestSiloHost(host);
    }
}
