using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using OrleansTraining.Silo.Runtime;

namespace OrleansTraining.Silo;

/// <summary>The grain host's traces and metrics; names are what an OpenTelemetry collector sees.</summary>
public static class SiloTelemetry
{
    public const string Name = "OrleansTraining.Silo";

    private static readonly ConcurrentDictionary<object, byte> Catalogs = new();

    internal static readonly ActivitySource Source = new(Name);
    internal static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> Calls = Meter.CreateCounter<long>("orleans_training.grain.calls", description: "Grain calls by grain type and outcome.");
    internal static readonly Histogram<double> CallDuration = Meter.CreateHistogram<double>("orleans_training.grain.call.duration", "ms", "Grain call duration.");
    internal static readonly Counter<long> ActivationsCreated = Meter.CreateCounter<long>("orleans_training.activations.created");
    internal static readonly Counter<long> ActivationsRemoved = Meter.CreateCounter<long>("orleans_training.activations.removed");
    internal static readonly Histogram<double> StorageReadDuration = Meter.CreateHistogram<double>("orleans_training.storage.read.duration", "ms", "Grain state read duration.");
    internal static readonly Histogram<double> StorageWriteDuration = Meter.CreateHistogram<double>("orleans_training.storage.write.duration", "ms", "Grain state write duration.");
    internal static readonly Counter<long> EtagConflicts = Meter.CreateCounter<long>("orleans_training.storage.etag_conflicts", description: "State writes refused for a stale etag.");
    internal static readonly Counter<long> RemindersFired = Meter.CreateCounter<long>("orleans_training.reminders.fired", description: "Reminder ticks delivered to grains.");

    static SiloTelemetry()
    {
        Meter.CreateObservableUpDownCounter(
            "orleans_training.activations.active",
            () => Catalogs.Keys.Sum(c => (long)((Catalog)c).Count),
            description: "Activations currently in memory on this process.");
    }

    /// <summary>True when a tracer or meter listens, so per-call spans and measurements are worth their cost.</summary>
    internal static bool IsObserved => Source.HasListeners() || Calls.Enabled || CallDuration.Enabled;

    internal static void Track(Catalog catalog) => Catalogs.TryAdd(catalog, 0);

    internal static void Untrack(Catalog catalog) => Catalogs.TryRemove(catalog, out _);

    internal static Activity? StartCall(GrainId grainId, string method)
    {
        var activity = Source.StartActivity($"{method}", ActivityKind.Internal);
        activity?.SetTag("grain.type", grainId.Type);
        activity?.SetTag("grain.key", grainId.Key);
        activity?.SetTag("grain.method", method);
        return activity;
    }

    internal static void EndCall(Activity? activity, GrainId grainId, Task finished, long startedTimestamp)
    {
        var outcome = finished.IsCompletedSuccessfully ? "ok" : finished.IsCanceled ? "canceled" : "error";
        if (activity is not null)
        {
            activity.SetTag("grain.outcome", outcome);
            if (finished.IsFaulted)
            {
                var error = finished.Exception!.InnerException!;
                activity.SetStatus(ActivityStatusCode.Error, error.Message);
                activity.SetTag("exception.type", error.GetType().FullName);
            }

            activity.Dispose();
        }

        var tags = new TagList { { "grain.type", grainId.Type }, { "grain.outcome", outcome } };
        Calls.Add(1, tags);
        CallDuration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds, tags);
    }
}
