using Microsoft.Extensions.Options;
using OrleansTraining.Grains.Accounts;
using OrleansTraining.Silo.Hosting;

namespace OrleansTraining.Gateway.Hosting;

/// <summary>Co-hosts the grain host in the gateway, on the database configuration names.</summary>
public static class GrainHostSetup
{
    public static IServiceCollection AddGatewayGrainHost(this IServiceCollection services) =>
        services.AddGrainHost(host => host
            .AddGrains(typeof(AccountGrain).Assembly)
            // Resolved when the host starts, not now, so test hosts can still change the configuration.
            .UseBackend(CreateBackend));

    private static GrainHostBackend CreateBackend(IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var provider = configuration[StorageSettings.ProviderKey] ?? StorageSettings.Sqlite;
        if (string.Equals(provider, StorageSettings.Postgres, StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = configuration.GetConnectionString(StorageSettings.Postgres)
                ?? throw new InvalidOperationException("Storage:Provider is Postgres but ConnectionStrings:Postgres is not set.");
            return GrainHostBackend.Postgres(connectionString, services.GetRequiredService<IOptions<GrainHostOptions>>().Value.NodeId);
        }

        if (!string.Equals(provider, StorageSettings.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Storage:Provider '{provider}' is not known; use Sqlite or Postgres.");
        }

        return GrainHostBackend.Sqlite(
            configuration.GetConnectionString(StorageSettings.Sqlite) ?? StorageSettings.DefaultSqliteConnectionString,
            services.GetRequiredService<TimeProvider>());
    }
}
