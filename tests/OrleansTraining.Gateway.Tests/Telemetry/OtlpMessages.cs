namespace OrleansTraining.Gateway.Tests.Telemetry;

/// <summary>A span as an OTLP collector receives it (ids in lower-case hex, kind as OTLP numbers it: 2 server, 3 client).</summary>
public sealed record ReceivedSpan(string Service, string Scope, string Name, int Kind, string TraceId, string SpanId, string ParentSpanId)
{
    public const int ServerKind = 2;
    public const int ClientKind = 3;
}

public sealed record ReceivedMetric(string Service, string Scope, string Name);

/// <summary>
/// The few fields of OTLP's ExportTraceServiceRequest and ExportMetricsServiceRequest the telemetry test reads
/// (field numbers from opentelemetry-proto: trace/v1/trace.proto, metrics/v1/metrics.proto, common/v1/common.proto).
/// </summary>
public static class OtlpMessages
{
    public static IEnumerable<ReceivedSpan> Spans(ReadOnlyMemory<byte> request) =>
        from resourceSpans in ProtobufField.Read(request, 1)
        let service = ServiceName(resourceSpans.Bytes)
        from scopeSpans in ProtobufField.Read(resourceSpans.Bytes, 2)
        let scope = ScopeName(scopeSpans.Bytes)
        from span in ProtobufField.Read(scopeSpans.Bytes, 2)
        let fields = ProtobufField.Read(span.Bytes).ToList()
        select new ReceivedSpan(
            service,
            scope,
            Text(fields, 5),
            (int)(fields.FirstOrDefault(f => f.Number == 6).Scalar),
            Hex(fields, 1),
            Hex(fields, 2),
            Hex(fields, 4));

    public static IEnumerable<ReceivedMetric> Metrics(ReadOnlyMemory<byte> request) =>
        from resourceMetrics in ProtobufField.Read(request, 1)
        let service = ServiceName(resourceMetrics.Bytes)
        from scopeMetrics in ProtobufField.Read(resourceMetrics.Bytes, 2)
        let scope = ScopeName(scopeMetrics.Bytes)
        from metric in ProtobufField.Read(scopeMetrics.Bytes, 2)
        select new ReceivedMetric(service, scope, Text(ProtobufField.Read(metric.Bytes).ToList(), 1));

    /// <summary>Resource (field 1) → attributes (1) → the KeyValue whose key (1) is service.name → AnyValue (2) → string_value (1).</summary>
    private static string ServiceName(ReadOnlyMemory<byte> resourceOwner) =>
        (from resource in ProtobufField.Read(resourceOwner, 1)
         from attribute in ProtobufField.Read(resource.Bytes, 1)
         let pair = ProtobufField.Read(attribute.Bytes).ToList()
         where Text(pair, 1) == "service.name"
         from value in pair.Where(f => f.Number == 2)
         select Text(ProtobufField.Read(value.Bytes).ToList(), 1)).FirstOrDefault() ?? "";

    /// <summary>InstrumentationScope (field 1) → name (1).</summary>
    private static string ScopeName(ReadOnlyMemory<byte> scopeOwner) =>
        ProtobufField.Read(scopeOwner, 1).Select(scope => Text(ProtobufField.Read(scope.Bytes).ToList(), 1)).FirstOrDefault() ?? "";

    private static string Text(List<ProtobufField> fields, int number) =>
        fields.Where(f => f.Number == number).Select(f => f.Text).FirstOrDefault() ?? "";

    private static string Hex(List<ProtobufField> fields, int number) =>
        fields.Where(f => f.Number == number).Select(f => f.Hex).FirstOrDefault() ?? "";
}
