
namespace OrleansTraining.Grains.Registry;

/// <summary>The list of every cycle, course, lecturer and field trip id, for listing endpoints. Use key <see cref="Key"/>.</summary>
[Alias("ot.IRegistryGrain")]
public interface IRegistryGrain : IGrainWithStringKey
{
    public const string Key = "all";

    [ReadOnly]
    Task<RegistryView> GetAsync();

    Task AddCycleAsync(string cycleId);

    Task AddCourseAsync(string courseId);

    Task AddLecturerAsync(string lecturerId);

    Task AddFieldTripAsync(string fieldTripId);
}
