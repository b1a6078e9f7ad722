namespace OrleansTraining.Silo.Runtime;

/// <summary>
/// Identifies one logical call chain (an external call and every grain call it causes). An activation busy with
/// a turn of chain C runs further calls of chain C at once, so A → B → A re-enters instead of deadlocking.
/// </summary>
internal sealed class CallChain
{
    private static readonly AsyncLocal<CallChain?> CurrentChain = new();

    public static CallChain? Current
    {
        get => CurrentChain.Value;
        set => CurrentChain.Value = value;
    }
}
