namespace OrleansTraining.Planner.Search;

/// <summary>
/// What the engine needs from a problem: a current solution with an incrementally maintained score,
/// random moves that are applied tentatively and can be undone, and a place to keep the best solution.
/// </summary>
public interface ILocalSearchProblem
{
    Score Score { get; }

    /// <summary>Applies one random move and returns the score change, or false if the drawn move was not possible.</summary>
    bool TryApplyRandomMove(SplitMix64 random, out Score delta);

    /// <summary>Reverts the move applied by the last successful <see cref="TryApplyRandomMove"/>.</summary>
    void UndoLastMove();

    void SaveBest();

    void RestoreBest();
}
