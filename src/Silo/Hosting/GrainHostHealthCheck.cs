using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrleansTraining.Silo.Hosting;

/// <summary>Healthy when the node's database answers.</summary>
internal sealed class GrainHostHealthCheck(GrainHostBackend backend) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await backend.PingAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"{backend.Name} answers");
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy($"{backend.Name} does not answer", exception);
        }
    }
}
