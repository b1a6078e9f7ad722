using System.Collections.Concurrent;

namespace OrleansTraining.Silo.Tests.Grains;

/// <summary>Ticks per grain key, in this test process (each test uses its own key).</summary>
public static class ReminderLog
{
    private static readonly ConcurrentDictionary<string, int> Ticks = new();

    public static void Record(string key) => Ticks.AddOrUpdate(key, 1, (_, count) => count + 1);

    public static int Count(string key) => Ticks.GetValueOrDefault(key);

    public static void Reset(string key) => Ticks.TryRemove(key, out _);
}
