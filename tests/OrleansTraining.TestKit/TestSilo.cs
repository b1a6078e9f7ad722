using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansTraining.Silo;
using OrleansTraining.Silo.Hosting;

namespace OrleansTraining.TestKit;

public enum StorageKind
{
    InMemory,
    Sqlite,
    Postgres,
}

/// <summary>A grain host started in the test process: one "node". Dispose stops it like a process exit would.</summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private TestSilo(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IGrainFactory GrainFactory => Services.GetRequiredService<IGrainFactory>();

    public GrainHostService Node => Services.GetRequiredService<GrainHostService>();

    /// <summary>Starts a node. <paramref name="connectionString"/> names the database so a second node or a restart shares it.</summary>
    public static async Task<TestSilo> StartAsync(
        StorageKind storage,
        string? connectionString = null,
        TimeProvider? timeProvider = null,
        Action<GrainHostBuilder>? configure = null,
        Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (timeProvider is not null)
        {
            builder.Services.AddSingleton(timeProvider);
        }

        services?.Invoke(builder.Services);
        builder.Services.AddGrainHost(host =>
        {
            _ = storage switch
            {
                StorageKind.InMemory => host.UseInMemory(),
                StorageKind.Sqlite => host.UseSqlite(connectionString ?? TestDatabase.NewSqliteConnectionString()),
                _ => host.UsePostgres(connectionString ?? TestDatabase.PostgresConnectionString),
            };
            configure?.Invoke(host);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new TestSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        await ((IAsyncDisposable)_host).DisposeAsync();
    }
}
