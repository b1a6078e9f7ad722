using System.Collections.Immutable;
using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.Curricula;

public sealed class CurriculumIndexGrain(
    [PersistentState("curricula", GrainStorage.Name)] IPersistentState<CurriculumIndexState> state) : Grain, ICurriculumIndexGrain
{
    public async Task AddAsync(string version)
    {
        Require.Text(version, "version", 20);
        if (!state.State.Versions.Contains(version))
        {
            await state.UpdateAsync(s => s with { Versions = s.Versions.Add(version) });
        }
    }

    public Task<ImmutableArray<string>> GetVersionsAsync() => Task.FromResult(state.State.Versions);
}
