namespace OrleansTraining.Planner.Cycle;

/// <summary>
/// A deterministic descent after annealing: annealing ends warm enough to accept small uphill moves, so its best plan
/// can still have a session whose lecturer, or a course whose host or start, has a strictly better single alternative.
/// Explanations compare exactly those alternatives, so the plan should not lose to any of them; this takes each better
/// one in turn until none is left (or the pass limit). Pinned values are never moved.
/// </summary>
internal static class PlanPolish
{
    public const int MaxPasses = 4;

    public static void Run(CycleModel model, CycleState state, CancellationToken cancellationToken)
    {
        for (var pass = 0; pass < MaxPasses && !cancellationToken.IsCancellationRequested; pass++)
        {
            var improved = false;
            for (var s = 0; s < model.Sessions.Length; s++)
            {
                if (model.Sessions[s].PinnedLecturer < 0)
                    improved |= BestLecturer(model, state, s);
            }

            for (var c = 0; c < model.Courses.Length; c++)
            {
                var info = model.Courses[c];
                if (!info.IsFieldTrip && info.PinnedHost < 0)
                    improved |= Best(state, info.CandidateHosts, h => state.SetCourse(c, h, state.Start(c)), state.Host(c));
                if (info.PinnedStart == int.MinValue)
                    improved |= Best(state, info.ValidStarts, d => state.SetCourse(c, state.Host(c), d), state.Start(c));
            }

            if (!improved)
                return;
        }
    }

    private static bool BestLecturer(CycleModel model, CycleState state, int session) =>
        Best(state, model.Sessions[session].Qualified, l => state.SetLecturer(session, l), state.LecturerOf(session));

    /// <summary>Tries every option, keeps the best strictly better than the current value; true when it moved.</summary>
    private static bool Best(CycleState state, int[] options, Action<int> set, int current)
    {
        var bestScore = state.Score;
        var best = current;
        foreach (var option in options)
        {
            if (option == current)
                continue;
            set(option);
            if (state.Score < bestScore)
                (best, bestScore) = (option, state.Score);
        }

        set(best);
        return best != current;
    }
}
