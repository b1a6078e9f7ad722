using Microsoft.Extensions.Logging;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Curricula;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Provinces;
using OrleansTraining.Grains.Registry;

namespace OrleansTraining.Grains.Demo;

/// <summary>
/// Loads the demo (provinces, curricula, lecturers, the 2012 course, the 2005 field trip, the 2027–2028 cycle) through the grains,
/// so every rule applies to it. It refuses to run on a database that already holds data (see <see cref="HasDataAsync"/>).
/// </summary>
public sealed partial class DemoDataSeeder(ILogger<DemoDataSeeder> logger)
{
    /// <summary>True when any cycle, course, lecturer or field trip exists already.</summary>
    public static async Task<bool> HasDataAsync(IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var registry = await grains.GetGrain<IRegistryGrain>(IRegistryGrain.Key).GetAsync();
        return registry.CycleIds.Length + registry.CourseIds.Length + registry.LecturerIds.Length + registry.FieldTripIds.Length > 0;
    }

    public async Task SeedAsync(IGrainFactory grains, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(grains);
        if (await HasDataAsync(grains))
        {
            LogSkipped(logger);
            return;
        }

        LogSeeding(logger);
        foreach (var province in ProvinceDirectory.All)
        {
            ct.ThrowIfCancellationRequested();
            await grains.GetGrain<IProvinceGrain>(province.Code).ConfigureAsync(DemoProvinces.SettingsFor(province));
        }

        foreach (var (code, start) in DemoProvinces.PreviousCycleHosts)
        {
            await grains.GetGrain<IProvinceGrain>(code).AddHostingHistoryAsync(
                new HostingRecord(DemoProvinces.PreviousCycleId, $"{DemoProvinces.PreviousCycleId}-{code}", start));
        }

        await grains.GetGrain<ICurriculumGrain>(DemoIds.Curriculum2012).DefineAsync(CurriculumCatalog.Version2012);
        await grains.GetGrain<ICurriculumGrain>(DemoIds.Curriculum2027).DefineAsync(CurriculumCatalog.Version2027);
        foreach (var (id, lecturer) in DemoLecturers.All)
        {
            ct.ThrowIfCancellationRequested();
            await grains.GetGrain<ILecturerGrain>(id).CreateAsync(lecturer);
        }

        await grains.GetGrain<ICycleGrain>(DemoIds.HistoricalCycleId).ImportHistoricalAsync(DemoCourses.Cycle2012);
        await grains.GetGrain<ICycleGrain>(DemoIds.HistoricalCycleId).SetConclusionsAsync(DemoCourses.Conclusions2012);
        var classCourse = grains.GetGrain<ICourseGrain>(DemoIds.ClassCourseId);
        await classCourse.ImportHistoricalAsync(DemoCourses.ClassCourse);
        await classCourse.AddFieldTripAsync(DemoCourses.FieldTrip2005);
        ct.ThrowIfCancellationRequested();
        await grains.GetGrain<ICycleGrain>(DemoIds.CycleId).CreateAsync(DemoCourses.Cycle2027);
        LogSeeded(logger, ProvinceDirectory.All.Length, DemoLecturers.All.Length, DemoCourses.Cycle2027.Courses.Length);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeding demo data")]
    private static partial void LogSeeding(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo data not loaded: the database already holds data")]
    private static partial void LogSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data loaded: {Provinces} provinces, {Lecturers} lecturers, cycle with {Courses} courses")]
    private static partial void LogSeeded(ILogger logger, int provinces, int lecturers, int courses);
}
