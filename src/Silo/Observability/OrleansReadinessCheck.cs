using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrleansTraining.Silo.Observability;

/// <summary>
/// Ready when this process's silo is Active in the cluster; in a client-only process, when a silo answers
/// through the client's gateway connection.
/// </summary>
internal sealed class OrleansReadinessCheck : IHealthCheck
{
    private static readonly TimeSpan ClientProbeTimeout = TimeSpan.FromSeconds(3);

    private readonly IServiceProvider _services;

    public OrleansReadinessCheck(IServiceProvider services)
    {
        _services = services;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var localSilo = _services.GetService<ILocalSiloDetails>();
        var membership = _services.GetService<IClusterMembershipService>();
        if (localSilo is not null && membership is not null)
        {
            var status = membership.CurrentSnapshot.GetSiloStatus(localSilo.SiloAddress);
            return status == SiloStatus.Active
                ? HealthCheckResult.Healthy($"Silo {localSilo.SiloAddress} is active.")
                : HealthCheckResult.Unhealthy($"Silo {localSilo.SiloAddress} is {status}.");
        }

        var client = _services.GetService<IClusterClient>();
        if (client is null)
        {
            return HealthCheckResult.Unhealthy("Neither an Orleans silo nor a cluster client runs in this process.");
        }

        try
        {
            // A cheap system-grain call proves the client is connected and a silo serves it.
            var hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)
                .WaitAsync(ClientProbeTimeout, cancellationToken).ConfigureAwait(false);
            return hosts.Count > 0
                ? HealthCheckResult.Healthy($"Connected; {hosts.Count} active silo(s).")
                : HealthCheckResult.Unhealthy("Connected, but no silo is active.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The cluster client cannot reach the cluster.", exception);
        }
    }
}
