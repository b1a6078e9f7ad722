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
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(OrleansMeterName)
                .AddNpgsqlInstrumentation());

        // Traces and the export only where a collector is configured. A tracer with nowhere to send its spans still
        // records every one in full: under load that was a tenth of a node's CPU, most of it formatting the stack
        // traces of the expected 409 refusals into span events that nobody would read.
        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]))
        {
            telemetry
                .WithTracing(tracing => tracing
                    .AddAspNetCoreInstrumentation()
                    .AddSource(
                        ActivitySources.RuntimeActivitySourceName,
                        ActivitySources.ApplicationGrainActivitySourceName,
                        ActivitySources.LifecycleActivitySourceName,
                        ActivitySources.StorageActivitySourceName)
                    .AddNpgsql())
                .UseOtlpExporter();
        }

        builder.Services.AddTrainingHealthChecks();
        builder.Services.AddHostedService<GcBudgetCheck>();
        return builder;
    }
}
