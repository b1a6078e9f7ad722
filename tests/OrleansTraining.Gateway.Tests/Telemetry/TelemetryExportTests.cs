using System.Diagnostics;
using System.Net;
using OrleansTraining.Gateway.Tests.Infrastructure;
using OrleansTraining.TestKit;
using Xunit.Abstractions;

namespace OrleansTraining.Gateway.Tests.Telemetry;

/// <summary>
/// Telemetry leaves the process (issue 10, item 7): with OTEL_EXPORTER_OTLP_ENDPOINT set, a request's trace reaches an
/// OTLP collector as one trace from the gateway's HTTP span through the grain calls it made, and metrics arrive too.
/// </summary>
public sealed class TelemetryExportTests(ITestOutputHelper output)
{
    private const string Service = "orleans-training-gateway";

    private static readonly TimeSpan ArrivalBound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_request_is_one_trace_from_the_gateway_through_its_grain_calls_and_metrics_arrive()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        await using var gateway = new GatewayFactory(StorageKind.Sqlite, TestDatabase.NewSqliteConnectionString(), new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            // Export within a fraction of a second instead of every 5 s (spans) and 60 s (metrics).
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        });
        using var board = await new GatewaySession(gateway).BoardAsync();

        // The caller's trace context, as a browser or a proxy in front would send it: the whole request joins it.
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var callerSpanId = ActivitySpanId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/lecturers/l01");
        request.Headers.Add("traceparent", $"00-{traceId}-{callerSpanId}-01");
        using var response = await board.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        List<ReceivedSpan> trace = [];
        await Eventually.TrueAsync(
            () =>
            {
                trace = [.. collector.Spans.Where(s => s.TraceId == traceId)];
                return trace.Any(s => s.Kind == ReceivedSpan.ServerKind && IsOrleans(s)) && trace.Any(s => s.Scope == "Microsoft.AspNetCore");
            },
            "the request's HTTP span and its grain spans reach the collector",
            ArrivalBound);
        foreach (var span in trace)
        {
            output.WriteLine($"{span.Service} {span.Scope} kind {span.Kind} '{span.Name}' {span.SpanId} <- {span.ParentSpanId}");
        }

        // The gateway's HTTP span is the caller's child; the grain call is a client span under it, and the grain's
        // own server span is the client span's child: one tree, all from the gateway's service.
        Assert.All(trace, s => Assert.Equal(Service, s.Service));
        var http = Assert.Single(trace, s => s.Scope == "Microsoft.AspNetCore");
        Assert.Equal(ReceivedSpan.ServerKind, http.Kind);
        Assert.Equal(callerSpanId, http.ParentSpanId);
        var grainServer = trace.First(s => s.Kind == ReceivedSpan.ServerKind && IsOrleans(s));
        var grainClient = Assert.Single(trace, s => s.SpanId == grainServer.ParentSpanId);
        Assert.Equal(ReceivedSpan.ClientKind, grainClient.Kind);
        Assert.True(IsOrleans(grainClient), $"The grain server span's parent is {grainClient.Scope} '{grainClient.Name}'.");
        Assert.True(DescendsFrom(grainClient, http, trace), $"The grain call '{grainClient.Name}' is not under the HTTP span.");

        // Metrics: the HTTP server's and Orleans' own, from the gateway's service.
        await Eventually.TrueAsync(
            () => collector.Metrics.Any(m => m.Service == Service && m.Name == "http.server.request.duration")
                && collector.Metrics.Any(m => m.Service == Service && m.Scope == "Microsoft.Orleans"),
            "the HTTP and Orleans metrics reach the collector",
            ArrivalBound);
        output.WriteLine($"metrics: {string.Join(", ", collector.Metrics.Select(m => $"{m.Scope}/{m.Name}").Distinct().Order().Take(30))}");
    }

    private static bool IsOrleans(ReceivedSpan span) => span.Scope.StartsWith("Microsoft.Orleans", StringComparison.Ordinal);

    private static bool DescendsFrom(ReceivedSpan span, ReceivedSpan ancestor, List<ReceivedSpan> trace)
    {
        for (var current = span; current is not null; current = trace.FirstOrDefault(s => s.SpanId == current.ParentSpanId))
        {
            if (current.ParentSpanId == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }
}
