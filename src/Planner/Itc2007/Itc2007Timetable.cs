using System.Runtime.CompilerServices;
using System.Collections.Immutable;
using OrleansTraining.Planner.Search;

namespace OrleansTraining.Planner.Itc2007;

/// <summary>
/// A complete timetable with incrementally maintained cost. Invariant: every lecture has a period and a
/// room, and no room holds two lectures in one period (moves swap with the occupant), so the only hard
/// violations that can appear are teacher and curriculum clashes; unavailable periods are never chosen.
/// </summary>
public sealed partial class Itc2007Timetable : ILocalSearchProblem
{
    private const int MinimumWorkingDaysWeight = 5;
    private const int CompactnessWeight = 2;

    private readonly Itc2007Instance _instance;
    private readonly int _periods;
    private readonly int _periodsPerDay;
    private readonly int _days;
    private readonly int _rooms;
    private readonly int[] _lectureCourse;
    private readonly int[] _courseTeacher;
    private readonly int[][] _courseCurricula;
    private readonly int[][] _curriculumCourses;
    private readonly bool[] _inCurriculum; // curriculum * courses + course
    private readonly int[][] _courseAvailablePeriods;
    private readonly bool[] _courseAvailable; // course * periods + period, for the moves' checks without a search
    private readonly int[] _courseFirstLecture;
    private readonly int[] _roomCapacity;
    private readonly int[] _courseStudents;
    private readonly int[] _courseMinDays;

    // Per period, its day and its cell in a curriculum's padded load row (see _curriculumStride), so the hot path
    // divides nothing.
    private readonly int[] _dayOfPeriod;
    private readonly int[] _curriculumCell;

    // A curriculum's loads are laid out day by day with an always-empty cell before and after each day, so the
    // compactness test (is a neighbour on the same day busy?) reads its neighbours without checking day edges.
    private readonly int _curriculumStride;

    private readonly int[] _period;
    private readonly int[] _room;
    private readonly int[] _occupant;
    private readonly int[] _emptyRooms; // per period, kept by Occupy: the Kempe chain's room check reads it on every move
    private readonly int[] _teacherLoad;
    private readonly int[] _curriculumLoad;
    private readonly int[] _courseDayLoad;
    private readonly int[] _courseDays;
    private readonly int[] _courseRoomLoad;
    private readonly int[] _courseRooms;

    private readonly int[] _bestPeriod;
    private readonly int[] _bestRoom;

    // The last move, for undo: the lectures it moved with their positions before the move.
    private int _undoCount;
    private readonly int[] _undoLecture;
    private readonly int[] _undoPeriod;
    private readonly int[] _undoRoom;

    // Courses that may not share a period (same teacher or a common curriculum), for Kempe chains.
    private readonly bool[] _conflict;

    private long _hard;
    private long _soft;
    private Score _beforeMove;

    public Itc2007Timetable(Itc2007Instance instance)
    {
        _instance = instance;
        _periods = instance.Periods;
        _periodsPerDay = instance.PeriodsPerDay;
        _days = instance.Days;
        _rooms = instance.Rooms.Length;
        var courses = instance.Courses.Length;

        var teachers = instance.Courses.Select(c => c.Teacher).Distinct().Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i);
        _courseTeacher = instance.Courses.Select(c => teachers[c.Teacher]).ToArray();
        _courseCurricula = Enumerable.Range(0, courses)
            .Select(c => Enumerable.Range(0, instance.Curricula.Length).Where(q => instance.Curricula[q].Courses.Contains(c)).ToArray())
            .ToArray();
        _curriculumCourses = instance.Curricula.Select(q => q.Courses.ToArray()).ToArray();
        _inCurriculum = new bool[instance.Curricula.Length * courses];
        for (var q = 0; q < instance.Curricula.Length; q++)
            foreach (var c in instance.Curricula[q].Courses)
                _inCurriculum[q * courses + c] = true;
        var unavailable = instance.Unavailability.ToHashSet();
        _courseAvailablePeriods = Enumerable.Range(0, courses)
            .Select(c => Enumerable.Range(0, _periods).Where(p => !unavailable.Contains((c, p))).ToArray())
            .ToArray();
        _courseAvailable = new bool[courses * _periods];
        for (var c = 0; c < courses; c++)
            foreach (var p in _courseAvailablePeriods[c])
                _courseAvailable[c * _periods + p] = true;
        _courseFirstLecture = new int[courses + 1];
        for (var c = 0; c < courses; c++)
            _courseFirstLecture[c + 1] = _courseFirstLecture[c] + instance.Courses[c].Lectures;
        _lectureCourse = new int[_courseFirstLecture[courses]];
        for (var c = 0; c < courses; c++)
            for (var l = _courseFirstLecture[c]; l < _courseFirstLecture[c + 1]; l++)
                _lectureCourse[l] = c;
        _roomCapacity = instance.Rooms.Select(r => r.Capacity).ToArray();
        _courseStudents = instance.Courses.Select(c => c.Students).ToArray();
        _courseMinDays = instance.Courses.Select(c => c.MinWorkingDays).ToArray();
        _dayOfPeriod = Enumerable.Range(0, _periods).Select(p => p / _periodsPerDay).ToArray();
        _curriculumCell = Enumerable.Range(0, _periods).Select(p => p / _periodsPerDay * (_periodsPerDay + 2) + p % _periodsPerDay + 1).ToArray();
        _curriculumStride = _days * (_periodsPerDay + 2);

        var lectures = _lectureCourse.Length;
        _period = Filled(lectures, -1);
        _room = Filled(lectures, -1);
        _occupant = Filled(_periods * _rooms, -1);
        _emptyRooms = Filled(_periods, _rooms);
        _teacherLoad = new int[teachers.Count * _periods];
        _curriculumLoad = new int[instance.Curricula.Length * _curriculumStride];
        _courseDayLoad = new int[courses * instance.Days];
        _courseDays = new int[courses];
        _courseRoomLoad = new int[courses * _rooms];
        _courseRooms = new int[courses];
        _bestPeriod = new int[lectures];
        _bestRoom = new int[lectures];
        var undoCapacity = Math.Max(2 * _rooms, instance.Courses.Select(c => c.Lectures).DefaultIfEmpty(1).Max()) * 2 + 2;
        _undoLecture = new int[undoCapacity];
        _undoPeriod = new int[undoCapacity];
        _undoRoom = new int[undoCapacity];
        _conflict = new bool[courses * courses];
        for (var a = 0; a < courses; a++)
            for (var b = 0; b < courses; b++)
                _conflict[a * courses + b] = a == b || _courseTeacher[a] == _courseTeacher[b] || _courseCurricula[a].Intersect(_courseCurricula[b]).Any();
        _scratch = new int[lectures];
        _chainMark = new int[lectures];
        // An empty course costs its whole minimum of working days until its lectures are placed.
        _soft = instance.Courses.Sum(c => (long)MinimumWorkingDaysWeight * c.MinWorkingDays);
    }

    public Score Score => new(_hard, _soft);

    /// <summary>How often each kind of move is drawn (default: the mix measured best over seeds).</summary>
    public Itc2007MoveMix Moves { get; set; } = Itc2007MoveMix.Default;

    public int LectureCount => _lectureCourse.Length;

    /// <summary>Places every lecture greedily, most constrained course first, at its cheapest free (period, room).</summary>
    public void Construct(long seed)
    {
        var random = new SplitMix64(seed);
        var order = Enumerable.Range(0, _instance.Courses.Length)
            .OrderBy(c => (double)_courseAvailablePeriods[c].Length / Math.Max(1, _instance.Courses[c].Lectures)
                          - 0.1 * _courseCurricula[c].Length)
            .ThenBy(_ => random.Next(1 << 30))
            .ToArray();
        foreach (var course in order)
        {
            for (var lecture = _courseFirstLecture[course]; lecture < _courseFirstLecture[course + 1]; lecture++)
            {
                var bestCost = long.MaxValue;
                int bestPeriod = -1, bestRoom = -1, ties = 0;
                foreach (var period in _courseAvailablePeriods[course])
                {
                    for (var room = 0; room < _rooms; room++)
                    {
                        if (_occupant[period * _rooms + room] >= 0)
                            continue;
                        var delta = Add(lecture, period, room);
                        Remove(lecture);
                        var cost = delta.Hard * 1000 + delta.Soft;
                        if (cost < bestCost)
                        {
                            (bestCost, bestPeriod, bestRoom, ties) = (cost, period, room, 1);
                        }
                        else if (cost == bestCost && random.Next(++ties) == 0)
                        {
                            (bestPeriod, bestRoom) = (period, room);
                        }
                    }
                }

                if (bestPeriod < 0)
                    throw new InvalidOperationException($"No free room in any available period for course {_instance.Courses[course].Id}.");
                Add(lecture, bestPeriod, bestRoom);
            }
        }
    }

    /// <summary>
    /// Puts the moved lectures back by their counters alone and restores the score saved before the move: most moves
    /// are rejected, and recomputing every cost term on the way back cost as much as the move itself.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void UndoLastMove()
    {
        for (var i = 0; i < _undoCount; i++)
        {
            var lecture = _undoLecture[i];
            Shift(lecture, _period[lecture], _room[lecture], -1);
        }

        for (var i = 0; i < _undoCount; i++)
            Shift(_undoLecture[i], _undoPeriod[i], _undoRoom[i], +1);
        (_hard, _soft) = (_beforeMove.Hard, _beforeMove.Soft);
        _undoCount = 0;
    }

    /// <summary>Starts a move: nothing remembered yet, and the score to go back to on undo.</summary>
    private Score BeginMove()
    {
        _undoCount = 0;
        _beforeMove = Score;
        return _beforeMove;
    }

    public void SaveBest()
    {
        Array.Copy(_period, _bestPeriod, _period.Length);
        Array.Copy(_room, _bestRoom, _room.Length);
    }

    public void RestoreBest()
    {
        for (var l = 0; l < _period.Length; l++)
            if (_period[l] >= 0)
                Remove(l);
        for (var l = 0; l < _period.Length; l++)
            if (_bestPeriod[l] >= 0)
                Add(l, _bestPeriod[l], _bestRoom[l]);
    }

    public Itc2007Solution ToSolution() =>
        new(_instance, Enumerable.Range(0, _period.Length)
            .Select(l => new Itc2007Placement(_lectureCourse[l], _period[l], _room[l]))
            .ToImmutableArray());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Remember(int lecture)
    {
        _undoLecture[_undoCount] = lecture;
        _undoPeriod[_undoCount] = _period[lecture];
        _undoRoom[_undoCount] = _room[lecture];
        _undoCount++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Score Add(int lecture, int period, int room) => Change(lecture, period, room, +1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Score Remove(int lecture) => Change(lecture, _period[lecture], _room[lecture], -1);

    /// <summary>Adds (+1) or removes (-1) one lecture at (period, room), updating every cost term it touches.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Score Change(int lecture, int period, int room, int sign)
    {
        var before = Score;
        var course = _lectureCourse[lecture];

        Occupy(lecture, period, room, sign);

        // Clashes: a count of n lectures in one cell is n - 1 violations.
        _hard += ClashChange(ref _teacherLoad[_courseTeacher[course] * _periods + period], sign);
        var cell = _curriculumCell[period];
        foreach (var curriculum in _courseCurricula[course])
        {
            var index = curriculum * _curriculumStride + cell;
            var compactBefore = IsolationAround(index);
            _hard += ClashChange(ref _curriculumLoad[index], sign);
            _soft += CompactnessWeight * (IsolationAround(index) - compactBefore);
        }

        _soft += sign * Math.Max(0, _courseStudents[course] - _roomCapacity[room]);

        ref var dayLoad = ref _courseDayLoad[course * _days + _dayOfPeriod[period]];
        if ((sign > 0 && dayLoad == 0) || (sign < 0 && dayLoad == 1))
        {
            var minDays = _courseMinDays[course];
            var missingBefore = Math.Max(0, minDays - _courseDays[course]);
            _courseDays[course] += sign;
            _soft += MinimumWorkingDaysWeight * (Math.Max(0, minDays - _courseDays[course]) - missingBefore);
        }

        dayLoad += sign;

        ref var roomLoad = ref _courseRoomLoad[course * _rooms + room];
        if ((sign > 0 && roomLoad == 0) || (sign < 0 && roomLoad == 1))
        {
            var extraBefore = Math.Max(0, _courseRooms[course] - 1);
            _courseRooms[course] += sign;
            _soft += Math.Max(0, _courseRooms[course] - 1) - extraBefore;
        }

        roomLoad += sign;
        return Score - before;
    }

    /// <summary>
    /// A lecture to another room of its period, swapping with the occupant if any. Clashes, compactness and working
    /// days depend on periods alone, so only the room terms (capacity, room stability) are recomputed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MoveRoomWithinPeriod(int lecture, int toRoom)
    {
        var period = _period[lecture];
        var fromRoom = _room[lecture];
        var other = _occupant[period * _rooms + toRoom];
        RoomTerms(lecture, fromRoom, -1);
        if (other >= 0)
        {
            RoomTerms(other, toRoom, -1);
            _room[other] = fromRoom;
        }

        _occupant[period * _rooms + fromRoom] = other;
        _occupant[period * _rooms + toRoom] = lecture;
        _room[lecture] = toRoom;
        RoomTerms(lecture, toRoom, +1);
        if (other >= 0)
            RoomTerms(other, fromRoom, +1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void RoomTerms(int lecture, int room, int sign)
    {
        var course = _lectureCourse[lecture];
        _soft += sign * Math.Max(0, _courseStudents[course] - _roomCapacity[room]);
        ref var roomLoad = ref _courseRoomLoad[course * _rooms + room];
        if ((sign > 0 && roomLoad == 0) || (sign < 0 && roomLoad == 1))
        {
            var extraBefore = Math.Max(0, _courseRooms[course] - 1);
            _courseRooms[course] += sign;
            _soft += Math.Max(0, _courseRooms[course] - 1) - extraBefore;
        }

        roomLoad += sign;
    }

    /// <summary>Puts the lecture into its cell (+1) or takes it out (-1): the placement both <see cref="Change"/> and <see cref="Shift"/> begin with.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Occupy(int lecture, int period, int room, int sign)
    {
        var placed = sign > 0;
        _period[lecture] = placed ? period : -1;
        _room[lecture] = placed ? room : -1;
        _occupant[period * _rooms + room] = placed ? lecture : -1;
        _emptyRooms[period] -= sign;
    }

    /// <summary>Adds (+1) or removes (-1) one lecture like <see cref="Change"/>, updating the counters but not the cost (for undo).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Shift(int lecture, int period, int room, int sign)
    {
        var course = _lectureCourse[lecture];
        Occupy(lecture, period, room, sign);

        _teacherLoad[_courseTeacher[course] * _periods + period] += sign;
        var cell = _curriculumCell[period];
        foreach (var curriculum in _courseCurricula[course])
            _curriculumLoad[curriculum * _curriculumStride + cell] += sign;

        ref var dayLoad = ref _courseDayLoad[course * _days + _dayOfPeriod[period]];
        if ((sign > 0 && dayLoad == 0) || (sign < 0 && dayLoad == 1))
            _courseDays[course] += sign;
        dayLoad += sign;

        ref var roomLoad = ref _courseRoomLoad[course * _rooms + room];
        if ((sign > 0 && roomLoad == 0) || (sign < 0 && roomLoad == 1))
            _courseRooms[course] += sign;
        roomLoad += sign;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ClashChange(ref int load, int sign)
    {
        var before = Math.Max(0, load - 1);
        load += sign;
        return Math.Max(0, load - 1) - before;
    }

    /// <summary>Isolated lectures of one curriculum in the cell and its neighbours on the same day (padding cells are empty).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int IsolationAround(int index) => Isolated(index - 1) + Isolated(index) + Isolated(index + 1);

    /// <summary>The lectures in the cell if neither neighbour on its day is busy, else 0; an empty cell reads no neighbour.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Isolated(int index)
    {
        var load = _curriculumLoad[index];
        if (load == 0 || _curriculumLoad[index - 1] > 0 || _curriculumLoad[index + 1] > 0)
            return 0;
        return load;
    }

    private static int[] Filled(int length, int value)
    {
        var array = new int[length];
        Array.Fill(array, value);
        return array;
    }
}
