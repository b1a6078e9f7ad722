namespace OrleansTraining.Planner.Cycle;

/// <summary>
/// The problem compiled to arrays and day indices (day 0 = cycle start) for fast scoring. Built once per
/// planning call; also carries the reference plan that the Changes weight compares against.
/// </summary>
internal sealed class CycleModel
{
    public sealed class CourseInfo
    {
        public required string Id { get; init; }
        public required int Enrolled { get; init; }
        public required int[] CandidateHosts { get; init; }
        /// <summary>Per segment: the fixed province (field-trip stop) or -1 for the chosen host.</summary>
        public required int[] SegmentProvince { get; init; }
        public required int[] SegmentOffset { get; init; }
        public required int[] SegmentDays { get; init; }
        public required int Span { get; init; }
        public required int[] ValidStarts { get; init; }
        public required int[] Sessions { get; init; }
        public required (int Province, int Trainees)[] Trainees { get; init; }
        public bool IsFieldTrip => SegmentProvince[0] >= 0;
        public int PinnedHost { get; set; } = -1;
        public int PinnedStart { get; set; } = int.MinValue;
        public int ReferenceHost { get; set; } = -1;
        public int ReferenceStart { get; set; } = int.MinValue;
    }

    public sealed class SessionInfo
    {
        public required string Id { get; init; }
        public required int Course { get; init; }
        public required int Topic { get; init; }
        public required int Segment { get; init; }
        public required int DayOffset { get; init; }
        public required int Slot { get; init; }
        public required int[] Qualified { get; init; }
        public required HashSet<int> Declined { get; init; }
        public int PinnedLecturer { get; set; } = -1;
        public int ReferenceLecturer { get; set; } = -1;
    }

    public CycleProblem Problem { get; }
    public PlannerWeights Weights { get; }
    public int Days { get; }
    /// <summary>Days blocked for classroom courses: weekends (unless allowed) and blocked periods.</summary>
    public bool[] Blocked { get; }

    /// <summary>Days blocked for field trips: only the blocked periods, since trips travel and visit on weekends (the 2005 trip ran 5–14 November).</summary>
    public bool[] HolidayBlocked { get; }
    public int[] Month { get; }
    public int[,] RoadKm { get; }
    public int[,] TravelDays { get; }
    public bool[][] ProvinceUnavailable { get; }

    /// <summary>Each province's region as an index into <see cref="Regions"/>, or -1 when it has none.</summary>
    public int[] ProvinceRegion { get; }

    public string[] Regions { get; }
    public bool[][] LecturerUnavailable { get; }
    public bool[][] LecturerQualified { get; }
    public int[] LecturerHome { get; }
    public bool[,] OwnDepartment { get; }
    public CourseInfo[] Courses { get; }
    public SessionInfo[] Sessions { get; }
    public int[][] SessionsByTopic { get; }
    public Dictionary<string, int> ProvinceIndex { get; }
    public Dictionary<string, int> LecturerIndex { get; }
    public Dictionary<string, int> CourseIndex { get; }
    public Dictionary<string, int> SessionIndex { get; }

    public CycleModel(CycleProblem problem, PlannerWeights weights, CyclePlan? reference = null)
    {
        CycleProblemValidator.ThrowIfInvalid(problem);
        Problem = problem;
        Weights = weights;
        var cycle = problem.Cycle;
        Days = cycle.End.DayNumber - cycle.Start.DayNumber + 1;
        Blocked = new bool[Days];
        HolidayBlocked = new bool[Days];
        Month = new int[Days];
        for (var d = 0; d < Days; d++)
        {
            var date = cycle.Start.AddDays(d);
            HolidayBlocked[d] = cycle.Blocked.Any(b => date >= b.From && date <= b.To);
            Blocked[d] = HolidayBlocked[d] || (!cycle.AllowWeekends && date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
            Month[d] = (date.Year - cycle.Start.Year) * 12 + date.Month - cycle.Start.Month;
        }

        ProvinceIndex = Index(problem.Provinces.Select(p => p.Code));
        LecturerIndex = Index(problem.Lecturers.Select(l => l.Id));
        CourseIndex = Index(problem.Courses.Select(c => c.Id));
        var topicIndex = Index(problem.Topics.Select(t => t.Id));

        var provinces = problem.Provinces.Length;
        RoadKm = new int[provinces, provinces];
        TravelDays = new int[provinces, provinces];
        for (var a = 0; a < provinces; a++)
            for (var b = 0; b < provinces; b++)
            {
                RoadKm[a, b] = a == b ? 0 : TravelModel.RoadKm(problem.Provinces[a], problem.Provinces[b]);
                TravelDays[a, b] = a == b ? 0 : TravelModel.TravelDays(RoadKm[a, b]);
            }

        ProvinceUnavailable = problem.Provinces.Select(p => DayMask(p.UnavailableDates)).ToArray();
        Regions = problem.Provinces.Select(p => p.Region).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        ProvinceRegion = problem.Provinces.Select(p => Array.IndexOf(Regions, p.Region)).ToArray();
        LecturerUnavailable = problem.Lecturers.Select(l => DayMask(l.UnavailableDates)).ToArray();
        LecturerQualified = problem.Lecturers
            .Select(l => problem.Topics.Select(t => l.QualifiedTopics.Contains(t.Id)).ToArray())
            .ToArray();
        LecturerHome = problem.Lecturers.Select(l => ProvinceIndex[l.HomeProvince]).ToArray();
        OwnDepartment = new bool[problem.Lecturers.Length, problem.Topics.Length];
        for (var l = 0; l < problem.Lecturers.Length; l++)
            for (var t = 0; t < problem.Topics.Length; t++)
                OwnDepartment[l, t] = problem.Lecturers[l].Department == problem.Topics[t].Department;

        var declined = problem.Declines
            .Where(d => LecturerIndex.ContainsKey(d.LecturerId))
            .ToLookup(d => d.SessionId, d => LecturerIndex[d.LecturerId]);
        var sessions = new List<SessionInfo>();
        var courses = new List<CourseInfo>();
        foreach (var course in problem.Courses)
        {
            var c = courses.Count;
            var segments = course.IsFieldTrip
                ? course.Itinerary.Select(s => (Province: ProvinceIndex[s.Province], s.Days, s.Sessions)).ToArray()
                : [(Province: -1, course.Days, course.Sessions)];
            var offsets = new int[segments.Length];
            var sessionIds = new List<int>();
            var offset = 0;
            for (var s = 0; s < segments.Length; s++)
            {
                if (s > 0)
                    offset += TravelDays[segments[s - 1].Province, segments[s].Province];
                offsets[s] = offset;
                var index = 0;
                foreach (var block in segments[s].Sessions)
                {
                    for (var k = 0; k < block.Sessions; k++, index++)
                    {
                        var id = CycleProblem.SessionId(course.Id, sessionIds.Count);
                        var topic = topicIndex[block.TopicId];
                        var declines = declined[id].ToHashSet();
                        sessionIds.Add(sessions.Count);
                        sessions.Add(new SessionInfo
                        {
                            Id = id,
                            Course = c,
                            Topic = topic,
                            Segment = s,
                            // Sessions beyond the segment's half-days stay on its last day; Diagnose reports the overflow.
                            DayOffset = offset + Math.Min(index / 2, Math.Max(0, segments[s].Days - 1)),
                            Slot = index % 2,
                            Qualified = Enumerable.Range(0, problem.Lecturers.Length)
                                .Where(l => LecturerQualified[l][topic] && !declines.Contains(l)).ToArray(),
                            Declined = declines,
                        });
                    }
                }

                offset += segments[s].Days;
            }

            var span = offset;
            var teachingDays = Enumerable.Range(0, segments.Length)
                .SelectMany(s => Enumerable.Range(offsets[s], segments[s].Days)).ToArray();
            var blocked = course.IsFieldTrip ? HolidayBlocked : Blocked;
            var validStarts = Enumerable.Range(0, Math.Max(0, Days - span + 1))
                .Where(start => teachingDays.All(d => !blocked[start + d]))
                .ToArray();
            courses.Add(new CourseInfo
            {
                Id = course.Id,
                Enrolled = course.Enrolled,
                CandidateHosts = course.IsFieldTrip ? [] : course.CandidateHosts.Where(ProvinceIndex.ContainsKey).Select(h => ProvinceIndex[h]).ToArray(),
                SegmentProvince = segments.Select(s => s.Province).ToArray(),
                SegmentOffset = offsets,
                SegmentDays = segments.Select(s => s.Days).ToArray(),
                Span = span,
                ValidStarts = validStarts,
                Sessions = sessionIds.ToArray(),
                Trainees = course.TraineesByProvince.Select(t => (ProvinceIndex[t.Key], t.Value)).ToArray(),
            });
        }

        Courses = courses.ToArray();
        Sessions = sessions.ToArray();
        SessionIndex = Index(Sessions.Select(s => s.Id));
        SessionsByTopic = Enumerable.Range(0, problem.Topics.Length)
            .Select(t => Enumerable.Range(0, Sessions.Length).Where(s => Sessions[s].Topic == t).ToArray())
            .ToArray();

        foreach (var (courseId, host) in problem.Pins.ConfirmedHosts)
            if (CourseIndex.TryGetValue(courseId, out var c) && ProvinceIndex.TryGetValue(host, out var p))
                Courses[c].PinnedHost = p;
        foreach (var (courseId, start) in problem.Pins.ConfirmedStarts)
            if (CourseIndex.TryGetValue(courseId, out var c))
                Courses[c].PinnedStart = DayOf(start);
        foreach (var (sessionId, lecturer) in problem.Pins.AcceptedLecturers)
            if (SessionIndex.TryGetValue(sessionId, out var s) && LecturerIndex.TryGetValue(lecturer, out var l))
                Sessions[s].PinnedLecturer = l;

        if (reference is not null)
        {
            foreach (var placement in reference.Courses)
                if (CourseIndex.TryGetValue(placement.CourseId, out var c))
                {
                    Courses[c].ReferenceHost = ProvinceIndex.GetValueOrDefault(placement.HostProvince, -1);
                    Courses[c].ReferenceStart = DayOf(placement.Start);
                }

            foreach (var assignment in reference.Sessions)
                if (SessionIndex.TryGetValue(assignment.SessionId, out var s) && assignment.LecturerId is { } id)
                    Sessions[s].ReferenceLecturer = LecturerIndex.GetValueOrDefault(id, -1);
        }
    }

    public bool IsBlocked(int course, int day) => Courses[course].IsFieldTrip ? HolidayBlocked[day] : Blocked[day];

    public int DayOf(DateOnly date) => date.DayNumber - Problem.Cycle.Start.DayNumber;

    public DateOnly DateOf(int day) => Problem.Cycle.Start.AddDays(day);

    public bool InCycle(int day) => day >= 0 && day < Days;

    /// <summary>Province where a session is taught, given the course's host.</summary>
    public int SessionProvince(int session, int host)
    {
        var info = Sessions[session];
        var fixedProvince = Courses[info.Course].SegmentProvince[info.Segment];
        return fixedProvince >= 0 ? fixedProvince : host;
    }

    /// <summary>
    /// Two sessions of one lecturer clash if they share a half-day, or fall on the same day in different
    /// provinces, or leave fewer whole days between them than the travel between their provinces needs.
    /// <paramref name="start"/> and <paramref name="host"/> are the courses' start days and hosts.
    /// </summary>
    public bool Clash(int a, int b, int[] start, int[] host)
    {
        var sa = Sessions[a];
        var sb = Sessions[b];
        var dayA = start[sa.Course] + sa.DayOffset;
        var dayB = start[sb.Course] + sb.DayOffset;
        var provinceA = SessionProvince(a, host[sa.Course]);
        var provinceB = SessionProvince(b, host[sb.Course]);
        if (dayA == dayB)
            return sa.Slot == sb.Slot || provinceA != provinceB;
        if (provinceA == provinceB || provinceA < 0 || provinceB < 0)
            return false;
        return Math.Abs(dayA - dayB) - 1 < TravelDays[provinceA, provinceB];
    }

    /// <summary>Venue used for lecturer travel: the host, or a field trip's first stop.</summary>
    public int Venue(int course, int host) => Courses[course].IsFieldTrip ? Courses[course].SegmentProvince[0] : host;

    private bool[] DayMask(IEnumerable<DateOnly> dates)
    {
        var mask = new bool[Days];
        foreach (var date in dates)
        {
            var d = DayOf(date);
            if (InCycle(d))
                mask[d] = true;
        }

        return mask;
    }

    private static Dictionary<string, int> Index(IEnumerable<string> ids) =>
        ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
}
