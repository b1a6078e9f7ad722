using System.Collections.Immutable;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Provinces;
using Engine = OrleansTraining.Planner.Cycle;

namespace OrleansTraining.Grains.Planning;

/// <summary>
/// Pure translation between the cycle's grain state and the planning engine: the state becomes a
/// <see cref="Engine.CycleProblem"/>, the engine's <see cref="Engine.CyclePlan"/> becomes course schedules.
/// Engine session ids are "courseId/index" from 0; the grain's are "s01"… in the same (topic) order.
/// </summary>
public static class CycleProblemMapper
{
    /// <summary>
    /// Maps the snapshot; confirmed hosts and accepted lecturers become pins, declines stay declines. With
    /// <paramref name="keepPlacedCourses"/> every course with a host and start keeps them (only new ones are placed, or
    /// only lecturers move).
    /// </summary>
    public static Engine.CycleProblem ToProblem(CycleSnapshot snapshot, bool keepPlacedCourses = false)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var courseIds = snapshot.Courses.Select(c => c.View.Id).ToHashSet(StringComparer.Ordinal);
        var lecturers = snapshot.Lecturers.Select(l => ToLecturer(l, snapshot.CycleId, courseIds)).ToImmutableArray();
        var topicCodes = snapshot.Courses.SelectMany(c => c.Draft.Topics.Select(t => t.TopicCode))
            .Concat(lecturers.SelectMany(l => l.QualifiedTopics))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        return new Engine.CycleProblem(
            new Engine.PlanningCycle(snapshot.Start, snapshot.End, BlockedPeriods(snapshot.Start, snapshot.End)),
            [.. snapshot.Provinces.Select(p => ToProvince(p, snapshot.PreviousCycleId))],
            [.. topicCodes.Select(t => new Engine.Topic(t, t, TopicDepartment(t, snapshot.Lecturers)))],
            lecturers,
            [.. snapshot.Courses.Select(c => ToCourse(c, snapshot.Provinces))])
        {
            Pins = ToPins(snapshot.Courses, keepPlacedCourses),
            Declines = [.. snapshot.Declined.SelectMany(d => d.Value.Select(l => new Engine.Decline(EngineSessionId(d.Key), l)))],
        };
    }

    /// <summary>The cycle's current plan (courses with a host and dates) in the engine's terms, for scoring and comparison.</summary>
    public static Engine.CyclePlan ToPlan(CycleSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var placed = snapshot.Courses.Select(c => c.View)
            .Where(c => c.HostProvince is not null && c.Start is not null && c.End is not null && c.Sessions.Length > 0)
            .ToList();
        return new Engine.CyclePlan(
            [.. placed.Select(c => new Engine.CoursePlacement(c.Id, c.HostProvince!, c.Start!.Value, c.End!.Value))],
            [.. placed.SelectMany(c => c.Sessions.Select((s, i) => new Engine.SessionAssignment(
                Engine.CycleProblem.SessionId(c.Id, i), c.Id, s.TopicCode, s.Date, ToHalfDay(s.Slot), c.HostProvince!, s.LecturerId)))],
            default);
    }

    /// <summary>
    /// The engine's plan as course schedules. The grain never records a broken hard rule: a course whose host or dates
    /// break one stays unhosted, and a session whose lecturer breaks one stays unstaffed, each with the engine's reason.
    /// </summary>
    public static ImmutableArray<CourseProposal> ToProposals(CycleSnapshot snapshot, Engine.CyclePlan plan, Engine.ScoreBreakdown breakdown)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(breakdown);
        var hard = breakdown.HardMatches.ToList();
        var brokenCourses = hard.Where(m => IsCourseRule(m.Constraint))
            // A double-booked venue keeps its first courses, one per room: entities are the province, then the courses sharing the day.
            .SelectMany(m => (m.Constraint == Engine.CycleConstraint.HostDoubleBooked ? m.Entities.Skip(1 + RoomsOf(snapshot, m.Entities[0])) : m.Entities).Select(e => (Entity: e, m.Description)))
            .GroupBy(x => x.Entity, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Description, StringComparer.Ordinal);
        var brokenSessions = BrokenSessions(plan, hard);
        var proposals = ImmutableArray.CreateBuilder<CourseProposal>();
        foreach (var (view, draft) in snapshot.Courses)
        {
            if (brokenCourses.TryGetValue(view.Id, out var why))
            {
                proposals.Add(new CourseProposal(view.Id, null, $"No host and dates without breaking a rule: {why}."));
                continue;
            }

            var placement = plan.Course(view.Id);
            var sessions = plan.Sessions.Where(s => s.CourseId == view.Id)
                .Select((s, i) => brokenSessions.TryGetValue(s.SessionId, out var reason)
                    ? new PlannedSession(s.TopicId, s.Date, ToSlot(s.Slot), draft.Topics[i].Method, null, reason)
                    : new PlannedSession(s.TopicId, s.Date, ToSlot(s.Slot), draft.Topics[i].Method, s.LecturerId))
                .ToImmutableArray();
            proposals.Add(new CourseProposal(view.Id, new CourseSchedule(placement.HostProvince, placement.Start, placement.End, sessions), null));
        }

        return proposals.ToImmutable();
    }

    /// <summary>"courseId/s03" (the grain's key) → "courseId/2" (the engine's).</summary>
    public static string EngineSessionId(string grainSessionKey)
    {
        var slash = grainSessionKey.LastIndexOf('/');
        return EngineSessionId(grainSessionKey[..slash], grainSessionKey[(slash + 1)..]);
    }

    public static string EngineSessionId(string courseId, string sessionId) =>
        Engine.CycleProblem.SessionId(courseId, int.Parse(sessionId.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture) - 1);

    /// <summary>"courseId/2" (the engine's) → "s03" (the grain's session id within the course).</summary>
    public static string GrainSessionId(string engineSessionId) =>
        $"s{int.Parse(engineSessionId.AsSpan(engineSessionId.LastIndexOf('/') + 1), System.Globalization.CultureInfo.InvariantCulture) + 1:00}";

    private static bool IsCourseRule(Engine.CycleConstraint constraint) => constraint is
        Engine.CycleConstraint.HostNotCandidate or Engine.CycleConstraint.HostCapacity or Engine.CycleConstraint.HostUnavailable
        or Engine.CycleConstraint.HostDoubleBooked or Engine.CycleConstraint.DateOutsideCycle;

    /// <summary>Sessions to leave unstaffed: each one a lecturer rule names, and for a clash or overload the later sessions.</summary>
    private static Dictionary<string, string> BrokenSessions(Engine.CyclePlan plan, List<Engine.ConstraintMatch> hard)
    {
        var broken = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var match in hard.Where(m => !IsCourseRule(m.Constraint)))
        {
            switch (match.Constraint)
            {
                case Engine.CycleConstraint.LecturerDoubleBooked:
                    broken.TryAdd(match.Entities[^1], match.Description); // the later of the two sessions gives way
                    break;
                case Engine.CycleConstraint.LecturerMaxLoad:
                    var lecturer = match.Entities[0];
                    foreach (var excess in plan.Sessions.Where(s => s.LecturerId == lecturer)
                                 .OrderByDescending(s => s.Date).ThenByDescending(s => s.Slot).Take((int)match.Cost))
                    {
                        broken.TryAdd(excess.SessionId, match.Description);
                    }

                    break;
                default:
                    broken.TryAdd(match.Entities[0], match.Description);
                    break;
            }
        }

        return broken;
    }

    private static Engine.Province ToProvince(ProvinceView province, string? previousCycleId) => new(
        province.Code,
        province.NameVi,
        province.Latitude,
        province.Longitude,
        province.VenueCapacity,
        province.UnavailableDates.IsDefault ? [] : province.UnavailableDates,
        province.HostingHistory.Any(h => h.CycleId == previousCycleId),
        province.Rooms)
    {
        Region = province.Region,
    };

    private static int RoomsOf(CycleSnapshot snapshot, string provinceCode) =>
        Math.Max(1, snapshot.Provinces.FirstOrDefault(p => p.Code == provinceCode)?.Rooms ?? 1);

    /// <summary>
    /// Commitments outside the planned courses count against the lecturer: other cycles' sessions block their dates,
    /// this cycle's sessions in courses not being planned use up part of the maximum load.
    /// </summary>
    private static Engine.Lecturer ToLecturer(LecturerView lecturer, string cycleId, HashSet<string> plannedCourses)
    {
        var elsewhere = lecturer.Assignments
            .Where(a => a.Status is AssignmentStatus.Offered or AssignmentStatus.Accepted && !plannedCourses.Contains(a.Offer.CourseId))
            .ToList();
        var home = ProvinceDirectory.Resolve(lecturer.HomeProvince)?.Code ?? ProvinceDirectory.Codes[0];
        return new Engine.Lecturer(
            lecturer.Id,
            lecturer.FullName,
            home,
            lecturer.Department,
            lecturer.QualifiedTopics.IsDefault ? [] : lecturer.QualifiedTopics,
            [.. (lecturer.UnavailableDates.IsDefault ? [] : lecturer.UnavailableDates)
                .Concat(elsewhere.Where(a => a.Offer.CycleId != cycleId).Select(a => a.Offer.Date)).Distinct()],
            Math.Max(0, lecturer.MaxSessionsPerCycle - elsewhere.Count(a => a.Offer.CycleId == cycleId)));
    }

    /// <summary>
    /// The curriculum does not name a topic's department; qualifications follow the department (DOMAIN.md), so the
    /// department most of its qualified lecturers belong to owns it.
    /// </summary>
    private static string TopicDepartment(string topic, ImmutableArray<LecturerView> lecturers) =>
        lecturers.Where(l => !l.QualifiedTopics.IsDefault && l.QualifiedTopics.Contains(topic))
            .GroupBy(l => l.Department, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .FirstOrDefault() ?? "";

    private static Engine.Course ToCourse(SnapshotCourse course, ImmutableArray<ProvinceView> provinces)
    {
        var (view, draft) = course;
        var declined = view.DeclinedByProvinces.IsDefault ? [] : view.DeclinedByProvinces;
        var candidates = provinces.Where(p => !declined.Contains(p.Code)).ToList();
        // Provinces without a venue for the course only widen the search; keep them when none has one, so Diagnose names capacity.
        var seating = candidates.Where(p => p.VenueCapacity >= view.Capacity).ToList();
        return new Engine.Course(
            view.Id,
            "national",
            view.Title,
            Math.Max(1, (draft.Topics.Length + 1) / 2),
            [.. draft.Topics.Select(t => new Engine.TopicSessions(t.TopicCode, 1))],
            [.. (seating.Count > 0 ? seating : candidates).Select(p => p.Code)],
            TraineeDemand(view, provinces));
    }

    /// <summary>
    /// Where trainees come from: those nominated, and the rest of the course's places spread evenly over the provinces
    /// (before nominations every province is expected to send), so trainee travel favours central hosts.
    /// </summary>
    private static ImmutableDictionary<string, int> TraineeDemand(CourseView course, ImmutableArray<ProvinceView> provinces)
    {
        var demand = (course.Trainees.IsDefault ? [] : course.Trainees)
            .GroupBy(t => t.ProvinceCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var open = Math.Max(0, course.Capacity - demand.Values.Sum());
        for (var i = 0; i < provinces.Length && open > 0; i++)
        {
            var share = open / provinces.Length + (i < open % provinces.Length ? 1 : 0);
            if (share > 0)
            {
                demand[provinces[i].Code] = demand.GetValueOrDefault(provinces[i].Code) + share;
            }
        }

        return demand.Where(d => provinces.Any(p => p.Code == d.Key)).ToImmutableDictionary(StringComparer.Ordinal);
    }

    private static Engine.Pins ToPins(ImmutableArray<SnapshotCourse> courses, bool keepPlacedCourses)
    {
        var confirmed = courses.Select(c => c.View)
            .Where(c => (c.Status == CourseStatus.HostConfirmed || keepPlacedCourses) && c.HostProvince is not null && c.Start is not null)
            .ToList();
        return new Engine.Pins(
            confirmed.ToImmutableDictionary(c => c.Id, c => c.HostProvince!),
            confirmed.ToImmutableDictionary(c => c.Id, c => c.Start!.Value),
            courses.Select(c => c.View)
                .SelectMany(c => c.Sessions.Select((s, i) => (Course: c.Id, Index: i, Session: s)))
                .Where(x => x.Session.Staffing == StaffingStatus.Accepted && x.Session.LecturerId is not null)
                .ToImmutableDictionary(x => Engine.CycleProblem.SessionId(x.Course, x.Index), x => x.Session.LecturerId!));
    }

    /// <summary>Tết and the public holidays inside the cycle, as consecutive runs; weekends the engine blocks itself.</summary>
    private static ImmutableArray<Engine.BlockedPeriod> BlockedPeriods(DateOnly start, DateOnly end)
    {
        var periods = ImmutableArray.CreateBuilder<Engine.BlockedPeriod>();
        DateOnly? from = null;
        for (var day = start; day <= end.AddDays(1); day = day.AddDays(1))
        {
            var blocked = day <= end && (TrainingCalendar.IsHoliday(day) || TrainingCalendar.IsTetBreak(day));
            if (blocked && from is null)
            {
                from = day;
            }
            else if (!blocked && from is { } first)
            {
                periods.Add(new Engine.BlockedPeriod(first, day.AddDays(-1), TrainingCalendar.IsTetBreak(first) ? "Tết" : "public holiday"));
                from = null;
            }
        }

        return periods.ToImmutable();
    }

    private static Engine.HalfDay ToHalfDay(Common.SessionSlot slot) =>
        slot == Common.SessionSlot.Morning ? Engine.HalfDay.Morning : Engine.HalfDay.Afternoon;

    private static Common.SessionSlot ToSlot(Engine.HalfDay slot) =>
        slot == Engine.HalfDay.Morning ? Common.SessionSlot.Morning : Common.SessionSlot.Afternoon;
}
