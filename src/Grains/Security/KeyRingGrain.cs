using System.Collections.Immutable;
using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.Security;

public sealed class KeyRingGrain(
    [PersistentState("keyring", GrainStorage.Name)] IPersistentState<KeyRingState> state) : Grain, IKeyRingGrain
{
    /// <summary>Data protection makes a key every 90 days: a lifetime of keys is a few dozen elements.</summary>
    private const int MaxElementLength = 64 * 1024;

    public Task<ImmutableArray<string>> GetElementsAsync() =>
        Task.FromResult(state.State.Elements.Select(e => e.Xml).ToImmutableArray());

    public async Task AddElementAsync(string name, string xml)
    {
        var key = Require.Text(name, "name", 200);
        Require.Text(xml, "xml", MaxElementLength);
        if (state.State.Elements.Any(e => e.Name == key))
        {
            return; // a retry of an add that was written
        }

        await state.UpdateAsync(s => s with { Elements = s.Elements.Add(new KeyRingElement(key, xml)) });
    }
}
