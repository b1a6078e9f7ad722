namespace OrleansTraining.Planner.Cycle;

/// <summary>Infeasibility that can be read off the input, before any search.</summary>
internal static class Infeasibility
{
    public static IEnumerable<InfeasibilityCause> StaticCauses(CycleModel model)
    {
        var problem = model.Problem;
        foreach (var session in model.Sessions.Where(s => s.Qualified.Length == 0 && s.PinnedLecturer < 0))
        {
            var topic = problem.Topics[session.Topic].Id;
            yield return new InfeasibilityCause(CycleConstraint.SessionUnstaffed,
                $"No lecturer is qualified for {topic} and available to teach {session.Id} (declined: {session.Declined.Count}).",
                [session.Id, topic]);
        }

        for (var t = 0; t < problem.Topics.Length; t++)
        {
            var demand = model.SessionsByTopic[t].Length;
            var qualified = Enumerable.Range(0, problem.Lecturers.Length).Where(l => model.LecturerQualified[l][t]).ToArray();
            var supply = qualified.Sum(l => problem.Lecturers[l].MaxSessions);
            if (demand > supply && qualified.Length > 0)
                yield return new InfeasibilityCause(CycleConstraint.LecturerMaxLoad,
                    $"Topic {problem.Topics[t].Id} needs {demand} sessions; its {qualified.Length} qualified lecturers may teach {supply} in all (counting their other topics too).",
                    [problem.Topics[t].Id, .. qualified.Select(l => problem.Lecturers[l].Id)]);
        }

        foreach (var course in model.Courses)
        {
            if (course.ValidStarts.Length == 0 && course.PinnedStart == int.MinValue)
                yield return new InfeasibilityCause(CycleConstraint.DateOutsideCycle,
                    $"{course.Id} needs {course.Span} consecutive days with no blocked teaching day; the cycle has none.", [course.Id]);

            if (course.IsFieldTrip)
            {
                foreach (var p in course.SegmentProvince.Where(p => problem.Provinces[p].Capacity < course.Enrolled))
                    yield return new InfeasibilityCause(CycleConstraint.HostCapacity,
                        $"Stop {problem.Provinces[p].Code} seats {problem.Provinces[p].Capacity}; {course.Id} enrols {course.Enrolled}.",
                        [course.Id, problem.Provinces[p].Code]);
                continue;
            }

            if (course.PinnedHost >= 0)
                continue;
            if (course.CandidateHosts.Length == 0)
            {
                yield return new InfeasibilityCause(CycleConstraint.HostNotCandidate, $"{course.Id} has no candidate host left.", [course.Id]);
                continue;
            }

            var seating = course.CandidateHosts.Where(h => problem.Provinces[h].Capacity >= course.Enrolled).ToArray();
            if (seating.Length == 0)
            {
                yield return new InfeasibilityCause(CycleConstraint.HostCapacity,
                    $"No candidate host of {course.Id} seats its {course.Enrolled} trainees.",
                    [course.Id, .. course.CandidateHosts.Select(h => problem.Provinces[h].Code)]);
                continue;
            }

            if (course.ValidStarts.Length > 0 && !seating.Any(h => course.ValidStarts.Any(start =>
                    Enumerable.Range(0, course.SegmentDays[0]).All(d => !model.ProvinceUnavailable[h][start + d]))))
                yield return new InfeasibilityCause(CycleConstraint.HostUnavailable,
                    $"Every candidate host of {course.Id} that can seat it is unavailable on every allowed date.",
                    [course.Id, .. seating.Select(h => problem.Provinces[h].Code)]);
        }
    }
}
