using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansTraining.Silo.Storage;
using OrleansTraining.Silo.Runtime;

namespace OrleansTraining.Silo.Hosting;

/// <summary>Configures the grain host: which grains it serves, which database it runs on, its timings.</summary>
public sealed class GrainHostBuilder
{
    private Func<IServiceProvider, GrainHostBackend>? _backend;

    internal GrainHostBuilder(IServiceCollection services) => Services = services;

    public IServiceCollection Services { get; }

    internal GrainTypeRegistry Registry { get; } = new();

    internal Dictionary<string, Func<IServiceProvider, GrainHostBackend, Storage.IGrainStorage>> NamedStorage { get; } = new(StringComparer.Ordinal);

    public GrainHostBuilder AddGrains(Assembly assembly)
    {
        Registry.AddAssembly(assembly);
        return this;
    }

    public GrainHostBuilder AddGrain<TGrain>() where TGrain : Grain
    {
        Registry.Add(typeof(TGrain));
        return this;
    }

    public GrainHostBuilder Configure(Action<GrainHostOptions> configure)
    {
        Services.Configure(configure);
        return this;
    }

    /// <summary>Everything in memory: unit tests only.</summary>
    public GrainHostBuilder UseInMemory() => UseBackend(_ => GrainHostBackend.InMemory());

    /// <summary>The embedded default: a SQLite file (its folder is created if missing).</summary>
    public GrainHostBuilder UseSqlite(string connectionString) =>
        UseBackend(sp => GrainHostBackend.Sqlite(connectionString, sp.GetRequiredService<TimeProvider>()));

    /// <summary>PostgreSQL: several nodes may share it.</summary>
    public GrainHostBuilder UsePostgres(string connectionString) =>
        UseBackend(sp => GrainHostBackend.Postgres(
            connectionString,
            sp.GetRequiredService<IOptions<GrainHostOptions>>().Value.NodeId,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<PostgresGrainStorage>()));

    public GrainHostBuilder UseBackend(Func<IServiceProvider, GrainHostBackend> backend)
    {
        _backend = backend;
        return this;
    }

    /// <summary>Lets grains name a storage provider other than the default in [PersistentState(name, storageName)].</summary>
    public GrainHostBuilder AddStorage(string storageName, Func<IServiceProvider, GrainHostBackend, Storage.IGrainStorage> storage)
    {
        NamedStorage[storageName] = storage;
        return this;
    }

    internal Func<IServiceProvider, GrainHostBackend> Backend =>
        _backend ?? throw new InvalidOperationException("The grain host needs a database: call UseSqlite, UsePostgres or UseInMemory.");
}
