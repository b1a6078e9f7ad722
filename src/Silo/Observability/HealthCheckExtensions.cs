using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrleansTraining.Silo.Observability;

/// <summary>Liveness (the process runs) and readiness (Orleans is up and the database answers).</summary>
public static class HealthCheckExtensions
{
    public const string LiveTag = "live";
    public const string ReadyTag = "ready";

    /// <summary>Registers the checks once, however often it is called.</summary>
    public static IServiceCollection AddTrainingHealthChecks(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(descriptor => descriptor.ServiceType == typeof(TrainingHealthChecksMarker)))
        {
            return services;
        }

        services.AddSingleton<TrainingHealthChecksMarker>();
        services.AddHealthChecks()
            .AddCheck("live", () => HealthCheckResult.Healthy("The process is running."), [LiveTag])
            .AddCheck<OrleansReadinessCheck>("orleans", tags: [ReadyTag])
            .AddCheck<DatabaseReadinessCheck>("database", tags: [ReadyTag]);
        return services;
    }

    /// <summary>Maps /health/live, /health/ready and /health (the same as ready), without authentication.</summary>
    public static IEndpointRouteBuilder MapTrainingHealthChecks(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous();
        return app;
    }

    private sealed class TrainingHealthChecksMarker;
}
