using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.Materials;

public sealed class MaterialFileGrain(
    [PersistentState("material-file", GrainStorage.Name)] IPersistentState<MaterialFileState> state) : Grain, IMaterialFileGrain
{
    public async Task StoreAsync(byte[] content)
    {
        state.State = new MaterialFileState { Content = content };
        await state.WriteStateAsync();
    }

    public Task<byte[]> ReadAsync() =>
        state.RecordExists ? Task.FromResult(state.State.Content) : throw new NotFoundException("material", this.GetPrimaryKeyString());

    public async Task DeleteAsync()
    {
        if (state.RecordExists)
        {
            await state.ClearStateAsync();
        }
    }
}
