using System.Collections.Concurrent;
using System.Diagnostics;
using Orleans.Diagnostics;
using OrleansTraining.Silo.Tests.Grains;
using OrleansTraining.Silo.Tests.Infrastructure;
using OrleansTraining.TestKit;

namespace OrleansTraining.Silo.Tests;

public sealed class ActivityPropagationTests
{
    [Fact]
    public async Task A_grain_call_through_the_client_is_a_client_span_with_a_server_span_as_its_child()
    {
        var key = Guid.NewGuid().ToString("N");
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            // The sources AddObservability traces; in 10.4.2 client-to-grain calls come from the runtime source.
            ShouldListenTo = source => source.Name is ActivitySources.RuntimeActivitySourceName or ActivitySources.ApplicationGrainActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("orleans.rpc.target_id") is string target && target.Contains(key, StringComparison.Ordinal))
                {
                    spans.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        var settings = TestSiloHost.Settings("Sqlite", TestDatabase.NewSqliteConnectionString(), $"spans-{Guid.NewGuid():N}");
        await using var silo = await TestSiloHost.StartSiloAsync(settings);
        await using var client = await TestSiloHost.StartClientAsync(settings);

        await client.Client.GetGrain<ICounterGrain>(key).Increment("a");

        await Eventually.TrueAsync(() => spans.Any(s => s.Kind == ActivityKind.Server), "the server span ends");
        var clientSpan = Assert.Single(spans, s => s.Kind == ActivityKind.Client);
        var serverSpan = Assert.Single(spans, s => s.Kind == ActivityKind.Server);
        Assert.Equal(clientSpan.TraceId, serverSpan.TraceId);
        Assert.Equal(clientSpan.SpanId, serverSpan.ParentSpanId);
    }
}
