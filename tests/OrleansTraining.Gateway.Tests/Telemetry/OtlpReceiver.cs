using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OrleansTraining.Gateway.Tests.Telemetry;

/// <summary>
/// A small OTLP/HTTP collector (POST /v1/traces and /v1/metrics, protobuf) on a loopback port, keeping the spans and
/// metric names it received. Stands in for the collector OTEL_EXPORTER_OTLP_ENDPOINT names in production.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedSpan> Spans { get; } = new();

    public ConcurrentQueue<ReceivedMetric> Metrics { get; } = new();

    public Uri Endpoint { get; private set; } = null!;

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            foreach (var span in OtlpMessages.Spans(await BodyAsync(request)))
            {
                receiver.Spans.Enqueue(span);
            }

            return Results.Bytes([], "application/x-protobuf");
        });
        app.MapPost("/v1/metrics", async (HttpRequest request) =>
        {
            foreach (var metric in OtlpMessages.Metrics(await BodyAsync(request)))
            {
                receiver.Metrics.Enqueue(metric);
            }

            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        // The port the server bound ("0" asked for any free one).
        var address = app.Urls.Single();
        receiver.Endpoint = new Uri(address);
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task<ReadOnlyMemory<byte>> BodyAsync(HttpRequest request)
    {
        var body = request.Headers.ContentEncoding == "gzip" ? new GZipStream(request.Body, CompressionMode.Decompress) : request.Body;
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
