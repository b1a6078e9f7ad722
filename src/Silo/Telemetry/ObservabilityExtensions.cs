using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OrleansTraining.Silo;

/// <summary>
/// The one place that wires traces, metrics, logs and health checks for every host. The OTLP exporter turns on when
/// OTEL_EXPORTER_OTLP_ENDPOINT is set; without it no provider listens, so grain calls pay nothing for telemetry.
/// </summary>
public static class ObservabilityExtensions
{
    public static IHostApplicationBuilder AddObservability(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.Services.AddHealthChecks();
        var endpoint = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return builder;
        }

        var resource = ResourceBuilder.CreateDefault().AddService(serviceName);
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.SetResourceBuilder(resource);
            logging.IncludeScopes = true;
            logging.IncludeFormattedMessage = true;
            logging.AddOtlpExporter();
        });
        builder.Services.AddSingleton(_ => new TelemetryProviders(
            Sdk.CreateTracerProviderBuilder()
                .SetResourceBuilder(resource)
                .AddSource(SiloTelemetry.Name, "Microsoft.AspNetCore", "OrleansTraining.*")
                .AddOtlpExporter()
                .Build(),
            Sdk.CreateMeterProviderBuilder()
                .SetResourceBuilder(resource)
                .AddMeter(SiloTelemetry.Name, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Runtime", "OrleansTraining.*")
                .AddOtlpExporter()
                .Build()));
        builder.Services.AddHostedService<TelemetryProvidersService>();
        return builder;
    }

    /// <summary>Owns the providers for the host's lifetime (disposing them flushes what is buffered).</summary>
    private sealed class TelemetryProviders(TracerProvider tracing, MeterProvider metrics) : IDisposable
    {
        public void Dispose()
        {
            tracing.Dispose();
            metrics.Dispose();
        }
    }

    /// <summary>Resolving the providers at start-up is what creates them; the container disposes them at shutdown.</summary>
    private sealed class TelemetryProvidersService(TelemetryProviders providers) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            GC.KeepAlive(providers);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
