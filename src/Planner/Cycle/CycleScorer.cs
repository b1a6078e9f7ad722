using System.Collections.Immutable;
using OrleansTraining.Planner.Search;

namespace OrleansTraining.Planner.Cycle;

/// <summary>
/// Scores a finished plan from scratch, constraint by constraint, recording every match with its entities.
/// Deliberately separate from the incremental <see cref="CycleState"/>: tests check that the two agree.
/// </summary>
internal static class CycleScorer
{
    public static ScoreBreakdown Score(CycleModel model, CyclePlan plan)
    {
        var weights = model.Weights;
        var problem = model.Problem;
        var matches = new List<ConstraintMatch>();
        void Match(CycleConstraint constraint, long cost, string description, params string[] entities)
        {
            if (cost != 0)
                matches.Add(new ConstraintMatch(constraint, cost, description, [.. entities]));
        }

        var placements = plan.Courses.ToDictionary(c => c.CourseId);
        var hostDays = new Dictionary<(int Province, int Day), List<string>>();
        var assignments = plan.Sessions.ToDictionary(s => s.SessionId);
        var startDay = new int[model.Courses.Length];
        var host = new int[model.Courses.Length];

        for (var c = 0; c < model.Courses.Length; c++)
        {
            var info = model.Courses[c];
            var placement = placements[info.Id];
            startDay[c] = model.DayOf(placement.Start);
            host[c] = info.IsFieldTrip ? -1 : model.ProvinceIndex.GetValueOrDefault(placement.HostProvince, -1);
            if (!info.IsFieldTrip && host[c] != info.PinnedHost && !info.CandidateHosts.Contains(host[c]))
                Match(CycleConstraint.HostNotCandidate, 1, $"{placement.HostProvince} is not (or no longer) a candidate host of {info.Id}", info.Id, placement.HostProvince);

            var outside = false;
            for (var segment = 0; segment < info.SegmentProvince.Length; segment++)
            {
                var p = info.SegmentProvince[segment] >= 0 ? info.SegmentProvince[segment] : host[c];
                if (p < 0)
                    continue;
                var province = problem.Provinces[p];
                if (province.Capacity < info.Enrolled)
                    Match(CycleConstraint.HostCapacity, 1, $"{province.Code} seats {province.Capacity}, {info.Id} enrols {info.Enrolled}", info.Id, province.Code);
                if (province.HostedPreviousCycle)
                    Match(CycleConstraint.HostRotation, weights.HostRotation, $"{province.Code} hosted in the previous cycle", info.Id, province.Code);
                var unavailableDays = new List<DateOnly>();
                for (var d = 0; d < info.SegmentDays[segment]; d++)
                {
                    var day = startDay[c] + info.SegmentOffset[segment] + d;
                    if (!model.InCycle(day) || model.IsBlocked(c, day))
                    {
                        outside = true;
                        continue;
                    }

                    if (model.ProvinceUnavailable[p][day])
                        unavailableDays.Add(model.DateOf(day));
                    if (!hostDays.TryGetValue((p, day), out var hosted))
                        hostDays[(p, day)] = hosted = [];
                    hosted.Add(info.Id);
                }

                if (unavailableDays.Count > 0)
                    Match(CycleConstraint.HostUnavailable, 1, $"{province.Code} is unavailable on {string.Join(", ", unavailableDays)}", info.Id, province.Code);
            }

            if (outside)
                Match(CycleConstraint.DateOutsideCycle, 1, $"{info.Id} runs on a blocked day or outside the cycle", info.Id);

            var venue = model.Venue(c, host[c]);
            if (venue >= 0)
            {
                var travel = info.Trainees.Sum(t => (long)t.Trainees * model.RoadKm[t.Province, venue]);
                Match(CycleConstraint.TraineeTravel, travel * weights.TraineeTravel / 100, $"trainees of {info.Id} travel {travel} trainee-km", info.Id);
            }

            if (info.ReferenceStart != int.MinValue && info.ReferenceStart != startDay[c])
                Match(CycleConstraint.Changes, weights.Changes, $"{info.Id} start moved", info.Id);
            if (info.ReferenceHost >= 0 && !info.IsFieldTrip && info.ReferenceHost != host[c])
                Match(CycleConstraint.Changes, weights.Changes, $"{info.Id} host moved", info.Id);
        }

        foreach (var ((p, day), hosted) in hostDays.Where(h => h.Value.Count > problem.Provinces[h.Key.Province].CoursesPerDay))
            Match(CycleConstraint.HostDoubleBooked, hosted.Count - problem.Provinces[p].CoursesPerDay,
                $"{problem.Provinces[p].Code} hosts {hosted.Count} courses on {model.DateOf(day)}", [problem.Provinces[p].Code, .. hosted]);

        foreach (var month in Enumerable.Range(0, model.Courses.Length).GroupBy(c => model.InCycle(startDay[c]) ? model.Month[startDay[c]] : -1))
        {
            var n = month.Count();
            Match(CycleConstraint.CourseSpread, (long)n * (n - 1) / 2 * weights.CourseSpread,
                $"{n} courses start in the same month", [.. month.Select(c => model.Courses[c].Id)]);
        }

        foreach (var sameHost in Enumerable.Range(0, model.Courses.Length).Where(c => !model.Courses[c].IsFieldTrip && host[c] >= 0).GroupBy(c => host[c]))
        {
            var n = sameHost.Count();
            if (n > 1)
                Match(CycleConstraint.HostSpread, (long)n * (n - 1) / 2 * weights.HostSpread,
                    $"{problem.Provinces[sameHost.Key].Code} hosts {n} courses in the cycle", [problem.Provinces[sameHost.Key].Code, .. sameHost.Select(c => model.Courses[c].Id)]);
        }

        foreach (var sameRegion in Enumerable.Range(0, model.Courses.Length)
                     .Where(c => !model.Courses[c].IsFieldTrip && host[c] >= 0 && model.ProvinceRegion[host[c]] >= 0)
                     .GroupBy(c => model.ProvinceRegion[host[c]]))
        {
            var n = sameRegion.Count();
            if (n > 1)
                Match(CycleConstraint.RegionalBalance, (long)n * (n - 1) / 2 * weights.RegionalBalance,
                    $"{n} courses are hosted in the {model.Regions[sameRegion.Key]} region", [.. sameRegion.Select(c => model.Courses[c].Id)]);
        }

        var lecturer = new int[model.Sessions.Length];
        for (var s = 0; s < model.Sessions.Length; s++)
        {
            var info = model.Sessions[s];
            var id = assignments[info.Id].LecturerId;
            lecturer[s] = id is null ? -1 : model.LecturerIndex.GetValueOrDefault(id, -1);
            var l = lecturer[s];
            if (info.ReferenceLecturer >= 0 && info.ReferenceLecturer != l)
                Match(CycleConstraint.Changes, weights.Changes, $"{info.Id} lecturer changed", info.Id);
            if (l < 0)
            {
                Match(CycleConstraint.SessionUnstaffed, 1, $"{info.Id} has no lecturer", info.Id, problem.Topics[info.Topic].Id);
                continue;
            }

            var name = problem.Lecturers[l].Id;
            if (!model.LecturerQualified[l][info.Topic])
                Match(CycleConstraint.LecturerQualified, 1, $"{name} is not qualified for {problem.Topics[info.Topic].Id}", info.Id, name);
            if (info.Declined.Contains(l))
                Match(CycleConstraint.LecturerDeclined, 1, $"{name} declined {info.Id}", info.Id, name);
            var day = startDay[info.Course] + info.DayOffset;
            if (model.InCycle(day) && model.LecturerUnavailable[l][day])
                Match(CycleConstraint.LecturerUnavailable, 1, $"{name} is unavailable on {model.DateOf(day)}", info.Id, name);
            if (!model.OwnDepartment[l, info.Topic])
                Match(CycleConstraint.OwnDepartment, weights.OwnDepartment, $"{name} teaches outside their department", info.Id, name);
        }

        var byLecturer = Enumerable.Range(0, model.Sessions.Length).Where(s => lecturer[s] >= 0).ToLookup(s => lecturer[s]);
        for (var l = 0; l < problem.Lecturers.Length; l++)
        {
            var name = problem.Lecturers[l].Id;
            var mine = byLecturer[l].ToArray();
            for (var i = 0; i < mine.Length; i++)
                for (var j = i + 1; j < mine.Length; j++)
                    if (model.Clash(mine[i], mine[j], startDay, host))
                        Match(CycleConstraint.LecturerDoubleBooked, 1, $"{name} cannot teach both {model.Sessions[mine[i]].Id} and {model.Sessions[mine[j]].Id}",
                            name, model.Sessions[mine[i]].Id, model.Sessions[mine[j]].Id);
            var max = problem.Lecturers[l].MaxSessions;
            if (mine.Length > max)
                Match(CycleConstraint.LecturerMaxLoad, mine.Length - max, $"{name} has {mine.Length} sessions, at most {max}", name);
            Match(CycleConstraint.FairLoad, (long)mine.Length * mine.Length * weights.FairLoad, $"{name} teaches {mine.Length} sessions", name);
            foreach (var course in mine.Select(s => model.Sessions[s].Course).Distinct())
            {
                var venue = model.Venue(course, host[course]);
                if (venue >= 0)
                    Match(CycleConstraint.LecturerTravel, (long)model.RoadKm[model.LecturerHome[l], venue] * weights.LecturerTravel / 100,
                        $"{name} travels {model.RoadKm[model.LecturerHome[l], venue]} km to {model.Courses[course].Id}", name, model.Courses[course].Id);
            }
        }

        var constraints = CycleConstraints.All
            .Select(k => new ConstraintScore(k, k.IsHard(), matches.Count(m => m.Constraint == k), matches.Where(m => m.Constraint == k).Sum(m => m.Cost)))
            .ToImmutableArray();
        var score = new Score(constraints.Where(c => c.IsHard).Sum(c => c.Cost), constraints.Where(c => !c.IsHard).Sum(c => c.Cost));
        return new ScoreBreakdown(score, constraints, [.. matches]);
    }
}
