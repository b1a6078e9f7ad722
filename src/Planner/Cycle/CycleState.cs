using OrleansTraining.Planner.Search;

namespace OrleansTraining.Planner.Cycle;

/// <summary>
/// A complete assignment (course → host, start; session → lecturer) with every constraint's cost kept
/// incrementally. Changes go through remove/add primitives so a move and its undo cost the same few updates.
/// Pinned values are never moved.
/// </summary>
internal sealed class CycleState : ILocalSearchProblem
{
    private readonly CycleModel _model;
    private readonly PlannerWeights _weights;
    private readonly int[] _host;
    private readonly int[] _start;
    private readonly int[] _lecturer;
    private readonly List<int>[] _lecturerSessions;
    private readonly int[] _load;
    private readonly int[,] _lecturerCourseSessions;
    private readonly Dictionary<int, int> _monthStarts = [];
    private readonly int[] _hostDayCourses;
    private readonly int[] _hostCourses;
    private readonly int[] _regionCourses;
    private readonly long[] _cost = new long[CycleConstraints.Count];
    private readonly int[] _movableSessions;
    private readonly int[] _movableCourses;
    private int[] _focusSessions = [];
    private int[] _focusCourses = [];

    private int[] _bestHost;
    private int[] _bestStart;
    private int[] _bestLecturer;

    // Undo log of the last move: (isCourse, index, old host or lecturer, old start).
    private readonly List<(bool IsCourse, int Index, int OldValue, int OldStart)> _undo = [];

    public CycleState(CycleModel model)
    {
        _model = model;
        _weights = model.Weights;
        _host = new int[model.Courses.Length];
        _start = new int[model.Courses.Length];
        _lecturer = new int[model.Sessions.Length];
        Array.Fill(_lecturer, -1);
        _lecturerSessions = Enumerable.Range(0, model.Problem.Lecturers.Length).Select(_ => new List<int>()).ToArray();
        _load = new int[model.Problem.Lecturers.Length];
        _hostDayCourses = new int[model.Problem.Provinces.Length * model.Days];
        _hostCourses = new int[model.Problem.Provinces.Length];
        _regionCourses = new int[model.Regions.Length];
        _lecturerCourseSessions = new int[model.Problem.Lecturers.Length, model.Courses.Length];
        _movableSessions = Enumerable.Range(0, model.Sessions.Length).Where(s => model.Sessions[s].PinnedLecturer < 0 && model.Sessions[s].Qualified.Length > 0).ToArray();
        _movableCourses = Enumerable.Range(0, model.Courses.Length)
            .Where(c => (model.Courses[c].PinnedStart == int.MinValue && model.Courses[c].ValidStarts.Length > 0)
                        || (model.Courses[c].PinnedHost < 0 && model.Courses[c].CandidateHosts.Length > 0))
            .ToArray();
        _bestHost = (int[])_host.Clone();
        _bestStart = (int[])_start.Clone();
        _bestLecturer = (int[])_lecturer.Clone();
        for (var c = 0; c < model.Courses.Length; c++)
            _start[c] = int.MinValue;
    }

    public Score Score
    {
        get
        {
            long hard = 0, soft = 0;
            for (var i = 0; i < _cost.Length; i++)
            {
                if (((CycleConstraint)i).IsHard())
                    hard += _cost[i];
                else
                    soft += _cost[i];
            }

            return new Score(hard, soft);
        }
    }

    public long Cost(CycleConstraint constraint) => _cost[(int)constraint];

    public long[] CostsSnapshot() => (long[])_cost.Clone();

    public int Host(int course) => _host[course];
    public int Start(int course) => _start[course];
    public int LecturerOf(int session) => _lecturer[session];

    /// <summary>Restrict half the moves to these (e.g. what a repair touched) so a small change is found fast.</summary>
    public void Focus(IEnumerable<int> courses, IEnumerable<int> sessions)
    {
        _focusCourses = courses.Where(c => Array.IndexOf(_movableCourses, c) >= 0).ToArray();
        _focusSessions = sessions.Where(s => Array.IndexOf(_movableSessions, s) >= 0).ToArray();
    }

    /// <summary>Loads a full assignment (host -1 for field trips, lecturer -1 for unstaffed).</summary>
    public void Load(int[] host, int[] start, int[] lecturer)
    {
        for (var c = 0; c < _host.Length; c++)
            if (_start[c] != int.MinValue)
                RemoveCourse(c);
        for (var s = 0; s < _lecturer.Length; s++)
            _lecturer[s] = lecturer[s];
        for (var c = 0; c < _host.Length; c++)
        {
            _host[c] = host[c];
            _start[c] = start[c];
            AddCourse(c);
        }
    }

    public (int[] Host, int[] Start, int[] Lecturer) Snapshot() => ((int[])_host.Clone(), (int[])_start.Clone(), (int[])_lecturer.Clone());

    public Score SetLecturer(int session, int lecturer)
    {
        var before = Score;
        var course = _model.Sessions[session].Course;
        if (_start[course] != int.MinValue)
            RemoveSession(session);
        _lecturer[session] = lecturer;
        if (_start[course] != int.MinValue)
            AddSession(session);
        return Score - before;
    }

    public Score SetCourse(int course, int host, int start)
    {
        var before = Score;
        RemoveCourse(course);
        _host[course] = host;
        _start[course] = start;
        AddCourse(course);
        return Score - before;
    }

    public bool TryApplyRandomMove(SplitMix64 random, out Score delta)
    {
        delta = default;
        _undo.Clear();
        var kind = random.Next(100);
        if (kind < 60 || _movableCourses.Length == 0)
        {
            if (_movableSessions.Length == 0)
                return false;
            var session = Pick(random, _focusSessions, _movableSessions);
            var qualified = _model.Sessions[session].Qualified;
            if (kind < 45)
            {
                var lecturer = qualified[random.Next(qualified.Length)];
                if (lecturer == _lecturer[session])
                    return false;
                _undo.Add((false, session, _lecturer[session], 0));
                delta = SetLecturer(session, lecturer);
                return true;
            }

            // Swap the lecturers of two sessions of the same topic.
            var sameTopic = _model.SessionsByTopic[_model.Sessions[session].Topic];
            var other = sameTopic[random.Next(sameTopic.Length)];
            var (a, b) = (_lecturer[session], _lecturer[other]);
            if (other == session || a == b || _model.Sessions[other].PinnedLecturer >= 0)
                return false;
            _undo.Add((false, session, a, 0));
            _undo.Add((false, other, b, 0));
            delta = SetLecturer(session, b) + SetLecturer(other, a);
            return true;
        }

        var c = Pick(random, _focusCourses, _movableCourses);
        var info = _model.Courses[c];
        var host = _host[c];
        var start = _start[c];
        var canMoveHost = info.PinnedHost < 0 && info.CandidateHosts.Length > 0;
        var canMoveStart = info.PinnedStart == int.MinValue && info.ValidStarts.Length > 0;
        if (canMoveHost && (kind < 75 || !canMoveStart || kind >= 95))
            host = info.CandidateHosts[random.Next(info.CandidateHosts.Length)];
        if (canMoveStart && (kind >= 75 || !canMoveHost))
        {
            if (random.Next(2) == 0)
            {
                start = info.ValidStarts[random.Next(info.ValidStarts.Length)];
            }
            else
            {
                // A nearby valid start: small shifts keep the lecturers' other commitments mostly intact.
                var index = Array.BinarySearch(info.ValidStarts, start);
                if (index < 0)
                    index = ~index;
                index = Math.Clamp(index + random.Next(11) - 5, 0, info.ValidStarts.Length - 1);
                start = info.ValidStarts[index];
            }
        }

        if (host == _host[c] && start == _start[c])
            return false;
        _undo.Add((true, c, _host[c], _start[c]));
        delta = SetCourse(c, host, start);
        return true;
    }

    public void UndoLastMove()
    {
        for (var i = _undo.Count - 1; i >= 0; i--)
        {
            var (isCourse, index, oldValue, oldStart) = _undo[i];
            if (isCourse)
                SetCourse(index, oldValue, oldStart);
            else
                SetLecturer(index, oldValue);
        }

        _undo.Clear();
    }

    public void SaveBest() => (_bestHost, _bestStart, _bestLecturer) = Snapshot();

    public void RestoreBest() => Load(_bestHost, _bestStart, _bestLecturer);

    private static int Pick(SplitMix64 random, int[] focus, int[] all) =>
        focus.Length > 0 && random.Next(2) == 0 ? focus[random.Next(focus.Length)] : all[random.Next(all.Length)];

    private void Add(CycleConstraint constraint, long amount) => _cost[(int)constraint] += amount;

    private void AddCourse(int course) => ChangeCourse(course, +1);

    private void RemoveCourse(int course) => ChangeCourse(course, -1);

    private void ChangeCourse(int course, int sign)
    {
        if (sign < 0)
            foreach (var s in _model.Courses[course].Sessions)
                RemoveSession(s);

        var info = _model.Courses[course];
        var host = _host[course];
        var start = _start[course];
        var provinces = _model.Problem.Provinces;
        if (!info.IsFieldTrip && host != info.PinnedHost && Array.IndexOf(info.CandidateHosts, host) < 0)
            Add(CycleConstraint.HostNotCandidate, sign);

        var outside = false;
        for (var segment = 0; segment < info.SegmentProvince.Length; segment++)
        {
            var province = info.SegmentProvince[segment] >= 0 ? info.SegmentProvince[segment] : host;
            if (province < 0)
                continue;
            if (provinces[province].Capacity < info.Enrolled)
                Add(CycleConstraint.HostCapacity, sign);
            if (provinces[province].HostedPreviousCycle)
                Add(CycleConstraint.HostRotation, sign * _weights.HostRotation);
            var unavailable = false;
            for (var d = 0; d < info.SegmentDays[segment]; d++)
            {
                var day = start + info.SegmentOffset[segment] + d;
                if (!_model.InCycle(day) || _model.IsBlocked(course, day))
                {
                    outside = true;
                    continue;
                }

                if (_model.ProvinceUnavailable[province][day])
                    unavailable = true;
                // A venue takes one course a day per room: each course beyond its rooms on the same day is one violation.
                ref var hosted = ref _hostDayCourses[province * _model.Days + day];
                if (sign < 0)
                    hosted--;
                if (hosted >= provinces[province].CoursesPerDay)
                    Add(CycleConstraint.HostDoubleBooked, sign);
                if (sign > 0)
                    hosted++;
            }

            if (unavailable)
                Add(CycleConstraint.HostUnavailable, sign);
        }

        if (outside)
            Add(CycleConstraint.DateOutsideCycle, sign);

        var venue = _model.Venue(course, host);
        if (venue >= 0)
        {
            long travel = 0;
            foreach (var (origin, trainees) in info.Trainees)
                travel += (long)trainees * _model.RoadKm[origin, venue];
            Add(CycleConstraint.TraineeTravel, sign * travel * _weights.TraineeTravel / 100);
        }

        var month = _model.InCycle(start) ? _model.Month[start] : -1;
        var sameMonth = _monthStarts.GetValueOrDefault(month);
        if (sign < 0)
            sameMonth--;
        Add(CycleConstraint.CourseSpread, sign * sameMonth * (long)_weights.CourseSpread);
        _monthStarts[month] = sameMonth + (sign > 0 ? 1 : 0);

        if (!info.IsFieldTrip && host >= 0)
        {
            var sameHost = _hostCourses[host];
            if (sign < 0)
                sameHost--;
            Add(CycleConstraint.HostSpread, sign * sameHost * (long)_weights.HostSpread);
            _hostCourses[host] = sameHost + (sign > 0 ? 1 : 0);

            var region = _model.ProvinceRegion[host];
            if (region >= 0)
            {
                var sameRegion = _regionCourses[region];
                if (sign < 0)
                    sameRegion--;
                Add(CycleConstraint.RegionalBalance, sign * sameRegion * (long)_weights.RegionalBalance);
                _regionCourses[region] = sameRegion + (sign > 0 ? 1 : 0);
            }
        }

        var changes = 0;
        if (info.ReferenceStart != int.MinValue && info.ReferenceStart != start)
            changes++;
        if (info.ReferenceHost >= 0 && !info.IsFieldTrip && info.ReferenceHost != host)
            changes++;
        Add(CycleConstraint.Changes, sign * changes * (long)_weights.Changes);

        if (sign > 0)
            foreach (var s in _model.Courses[course].Sessions)
                AddSession(s);
    }

    private void AddSession(int session) => ChangeSession(session, +1);

    private void RemoveSession(int session) => ChangeSession(session, -1);

    private void ChangeSession(int session, int sign)
    {
        var info = _model.Sessions[session];
        var lecturer = _lecturer[session];
        if (info.ReferenceLecturer >= 0 && info.ReferenceLecturer != lecturer)
            Add(CycleConstraint.Changes, sign * (long)_weights.Changes);
        if (lecturer < 0)
        {
            Add(CycleConstraint.SessionUnstaffed, sign);
            return;
        }

        if (!_model.LecturerQualified[lecturer][info.Topic])
            Add(CycleConstraint.LecturerQualified, sign);
        if (info.Declined.Contains(lecturer))
            Add(CycleConstraint.LecturerDeclined, sign);
        var day = _start[info.Course] + info.DayOffset;
        if (_model.InCycle(day) && _model.LecturerUnavailable[lecturer][day])
            Add(CycleConstraint.LecturerUnavailable, sign);
        if (!_model.OwnDepartment[lecturer, info.Topic])
            Add(CycleConstraint.OwnDepartment, sign * (long)_weights.OwnDepartment);

        var mine = _lecturerSessions[lecturer];
        if (sign < 0)
            mine.Remove(session);
        var clashes = 0;
        foreach (var other in mine)
            if (_model.Clash(session, other, _start, _host))
                clashes++;
        Add(CycleConstraint.LecturerDoubleBooked, sign * clashes);
        if (sign > 0)
            mine.Add(session);

        var max = _model.Problem.Lecturers[lecturer].MaxSessions;
        var loadBefore = _load[lecturer];
        var loadAfter = loadBefore + sign;
        _load[lecturer] = loadAfter;
        Add(CycleConstraint.LecturerMaxLoad, Math.Max(0, loadAfter - max) - Math.Max(0, loadBefore - max));
        Add(CycleConstraint.FairLoad, ((long)loadAfter * loadAfter - (long)loadBefore * loadBefore) * _weights.FairLoad);

        ref var pair = ref _lecturerCourseSessions[lecturer, info.Course];
        if ((sign > 0 && pair == 0) || (sign < 0 && pair == 1))
        {
            var venue = _model.Venue(info.Course, _host[info.Course]);
            if (venue >= 0)
                Add(CycleConstraint.LecturerTravel, sign * (long)_model.RoadKm[_model.LecturerHome[lecturer], venue] * _weights.LecturerTravel / 100);
        }

        pair += sign;
    }
}
