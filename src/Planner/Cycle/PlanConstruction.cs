using OrleansTraining.Planner.Search;

namespace OrleansTraining.Planner.Cycle;

/// <summary>
/// A quick starting plan: pinned values as given; courses spread evenly over their allowed starts at the
/// host nearest their trainees; each session then given the qualified lecturer that costs least so far.
/// </summary>
internal static class PlanConstruction
{
    public static (int[] Host, int[] Start, int[] Lecturer) Build(CycleModel model, SplitMix64 random)
    {
        var courses = model.Courses.Length;
        var host = new int[courses];
        var start = new int[courses];
        var lecturer = new int[model.Sessions.Length];
        Array.Fill(lecturer, -1);
        var provinces = model.Problem.Provinces;
        for (var c = 0; c < courses; c++)
        {
            var info = model.Courses[c];
            host[c] = info.PinnedHost >= 0 ? info.PinnedHost
                : info.CandidateHosts.Length == 0 ? -1
                : info.CandidateHosts
                    .OrderBy(h => provinces[h].Capacity < info.Enrolled ? 1 : 0)
                    .ThenBy(h => info.Trainees.Sum(t => (long)t.Trainees * model.RoadKm[t.Province, h]))
                    .First();
            var position = (c + random.NextDouble()) / courses;
            start[c] = info.PinnedStart != int.MinValue ? info.PinnedStart
                : info.ValidStarts.Length == 0 ? 0
                : info.ValidStarts[(int)(position * info.ValidStarts.Length)];
        }

        var state = new CycleState(model);
        state.Load(host, start, lecturer);
        for (var s = 0; s < model.Sessions.Length; s++)
        {
            var info = model.Sessions[s];
            if (info.PinnedLecturer >= 0)
            {
                state.SetLecturer(s, info.PinnedLecturer);
                continue;
            }

            var best = -1;
            var bestScore = state.Score;
            foreach (var l in info.Qualified)
            {
                state.SetLecturer(s, l);
                if (best < 0 || state.Score < bestScore)
                    (best, bestScore) = (l, state.Score);
            }

            state.SetLecturer(s, best);
        }

        return state.Snapshot();
    }
}
