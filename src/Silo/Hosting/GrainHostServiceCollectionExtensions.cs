using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansTraining.Silo.Cluster;
using OrleansTraining.Silo.Reminders;
using OrleansTraining.Silo.Runtime;
using OrleansTraining.Silo.Storage;

namespace OrleansTraining.Silo.Hosting;

public static class GrainHostServiceCollectionExtensions
{
    /// <summary>Adds the grain host: IGrainFactory for callers, and a hosted service that migrates, listens and collects.</summary>
    public static IServiceCollection AddGrainHost(this IServiceCollection services, Action<GrainHostBuilder> configure)
    {
        var builder = new GrainHostBuilder(services);
        configure(builder);
        var backendFactory = builder.Backend;

        services.AddOptions<GrainHostOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(builder.Registry);
        services.AddSingleton(backendFactory);
        services.AddSingleton(sp =>
        {
            var backend = sp.GetRequiredService<GrainHostBackend>();
            var named = builder.NamedStorage.ToDictionary(n => n.Key, n => n.Value(sp, backend), StringComparer.Ordinal);
            return new StorageRegistry(backend.Storage, named);
        });
        services.AddSingleton<GrainRuntime>();
        services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainRuntime>());
        services.AddSingleton(sp => new ReminderService(
            sp.GetRequiredService<GrainHostBackend>().Reminders,
            sp.GetRequiredService<GrainRuntime>(),
            sp.GetRequiredService<ILogger<ReminderService>>()));
        services.AddSingleton(sp => new GrainHostService(
            sp,
            sp.GetRequiredService<GrainRuntime>(),
            sp.GetRequiredService<GrainHostBackend>(),
            sp.GetRequiredService<ReminderService>(),
            sp.GetRequiredService<ILogger<GrainHostService>>()));
        services.AddHostedService(sp => sp.GetRequiredService<GrainHostService>());
        services.AddHealthChecks().AddCheck<GrainHostHealthCheck>("grain-host");
        return services;
    }
}
