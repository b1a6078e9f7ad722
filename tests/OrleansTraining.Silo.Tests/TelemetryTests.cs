using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using OrleansTraining.Silo.Tests.Grains;
using OrleansTraining.TestKit;

namespace OrleansTraining.Silo.Tests;

public sealed class TelemetryTests
{
    [Fact]
    public async Task Each_grain_call_gets_a_span_and_is_counted_with_its_outcome()
    {
        var key = TestHosts.NewKey();
        var spans = new ConcurrentQueue<Activity>();
        var calls = new ConcurrentQueue<(long Value, string? Type, string? Outcome)>();
        using var tracer = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SiloTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("grain.key") as string == key)
                {
                    spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(tracer);
        using var meter = new MeterListener();
        meter.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SiloTelemetry.Name && instrument.Name == "orleans_training.grain.calls")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meter.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? type = null, outcome = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "grain.type") { type = tag.Value as string; }
                if (tag.Key == "grain.outcome") { outcome = tag.Value as string; }
            }

            calls.Enqueue((value, type, outcome));
        });
        meter.Start();
        await using var silo = await TestHosts.StartAsync(StorageKind.InMemory);
        var grain = silo.GrainFactory.GetGrain<IProbeGrain>(key);

        await grain.EchoAsync(1);
        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.ThrowAsync("refused"));

        // The first call waited for activation; its span closes on the continuation that completes it.
        await Eventually.TrueAsync(() => spans.Count >= 2, "both calls' spans ended");
        Assert.Contains(spans, s => s.DisplayName == "IProbeGrain.EchoAsync" && (string?)s.GetTagItem("grain.outcome") == "ok" && (string?)s.GetTagItem("grain.type") == "probe");
        Assert.Contains(spans, s => s.DisplayName == "IProbeGrain.ThrowAsync" && s.Status == ActivityStatusCode.Error);
        Assert.Contains(calls, c => c.Type == "probe" && c.Outcome == "error");
    }
}
