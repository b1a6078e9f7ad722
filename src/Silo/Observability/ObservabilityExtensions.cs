using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Diagnostics;

namespace OrleansTraining.Silo.Observability;

/// <summary>Traces, metrics and health checks, configured the same way for the silo and the gateway.</summary>
public static class ObservabilityExtensions
{
    /// <summary>Orleans' meter (grain calls, activations, membership, storage, reminders).</summary>
    public const string OrleansMeterName = "Microsoft.Orleans";

    private const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IHostApplicationBuilder AddObservability(this IHostApplicationBuilder builder, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddSource(
                    ActivitySources.RuntimeActivitySourceName,
                    ActivitySources.ApplicationGrainActivitySourceName,
                    ActivitySources.LifecycleActivitySourceName,
                    ActivitySources.StorageActivitySourceName)
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(OrleansMeterName)
                .AddNpgsqlInstrumentation());

        // Export only where a collector is configured; otherwise the instrumentation stays cheap and local.
        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]))
        {
            telemetry.UseOtlpExporter();
        }

        builder.Services.AddTrainingHealthChecks();
        return builder;
    }
}
