using System.Collections.Immutable;
using OrleansTraining.Grains.Common;


namespace OrleansTraining.Grains.Registry;

public sealed class RegistryGrain([PersistentState("registry", GrainStorage.Name)] IPersistentState<RegistryState> state) : Grain, IRegistryGrain
{
    public Task<RegistryView> GetAsync() =>
        Task.FromResult(new RegistryView(state.State.CycleIds, state.State.CourseIds, state.State.LecturerIds, state.State.FieldTripIds));

    public Task AddCycleAsync(string cycleId) => AddAsync(cycleId, s => s.CycleIds, (s, ids) => s with { CycleIds = ids });

    public Task AddCourseAsync(string courseId) => AddAsync(courseId, s => s.CourseIds, (s, ids) => s with { CourseIds = ids });

    public Task AddLecturerAsync(string lecturerId) => AddAsync(lecturerId, s => s.LecturerIds, (s, ids) => s with { LecturerIds = ids });

    public Task AddFieldTripAsync(string fieldTripId) => AddAsync(fieldTripId, s => s.FieldTripIds, (s, ids) => s with { FieldTripIds = ids });

    private async Task AddAsync(string id, Func<RegistryState, ImmutableArray<string>> list, Func<RegistryState, ImmutableArray<string>, RegistryState> with)
    {
        if (list(state.State).Contains(id))
        {
            return;
        }

        // Kept sorted so listings are stable whatever order things were created in.
        await state.UpdateAsync(s => list(s).Contains(id) ? s : with(s, [.. list(s).Add(id).Order(StringComparer.Ordinal)]));
    }
}
