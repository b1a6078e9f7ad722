using System.Runtime.CompilerServices;
using OrleansTraining.Planner.Search;

namespace OrleansTraining.Planner.Itc2007;

/// <summary>The timetable's random moves; each keeps the one-lecture-per-room-and-period invariant and can be undone.</summary>
public sealed partial class Itc2007Timetable
{
    // Kempe chain scratch: the chain's lectures, and a per-lecture stamp marking chain membership.
    private readonly int[] _scratch;
    private readonly int[] _chainMark;
    private int _stamp;

    // The moves and the cost updates are jitted optimised at once: with tiered compilation the solver ran its first
    // seconds in unoptimised code behind call-counting stubs (a fifth of a 4 M-iteration profile; RESULTS, round 3).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryApplyRandomMove(SplitMix64 random, out Score delta)
    {
        var mix = Moves;
        var draw = random.NextDouble();
        if (draw < mix.Kempe)
            return TryKempeChain(random, out delta);
        draw -= mix.Kempe;
        if (draw < mix.CourseRoom)
            return TryCourseRoom(random, out delta);
        draw -= mix.CourseRoom;
        if (draw < mix.Compact)
            return TryCompactnessChain(random, out delta);
        draw -= mix.Compact;
        if (draw < mix.Spread)
            return TryWorkingDaysChain(random, out delta);
        draw -= mix.Spread;
        return TrySimpleMove(random, draw < mix.RoomOnly, out delta);
    }

    /// <summary>A lecture to another (period, room), or another room in its period; swaps with the occupant.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TrySimpleMove(SplitMix64 random, bool roomOnly, out Score delta)
    {
        delta = default;
        var lecture = random.Next(_lectureCourse.Length);
        var course = _lectureCourse[lecture];
        var fromPeriod = _period[lecture];
        var fromRoom = _room[lecture];
        int toPeriod, toRoom;
        if (roomOnly)
        {
            // Room move in the same period, often to a room the course already uses (room stability).
            toPeriod = fromPeriod;
            var sibling = _courseFirstLecture[course] + random.Next(_instance.Courses[course].Lectures);
            toRoom = random.Next(2) == 0 ? _room[sibling] : random.Next(_rooms);
        }
        else
        {
            var available = _courseAvailablePeriods[course];
            toPeriod = available[random.Next(available.Length)];
            toRoom = random.Next(3) == 0 ? fromRoom : random.Next(_rooms);
        }

        if (toPeriod == fromPeriod && toRoom == fromRoom)
            return false;
        var other = _occupant[toPeriod * _rooms + toRoom];
        if (other >= 0)
        {
            var otherCourse = _lectureCourse[other];
            if (otherCourse == course || !IsAvailable(otherCourse, fromPeriod))
                return false;
        }

        var before = BeginMove();
        Remember(lecture);
        if (other >= 0)
            Remember(other);
        if (toPeriod == fromPeriod)
        {
            MoveRoomWithinPeriod(lecture, toRoom);
            delta = Score - before;
            return true;
        }

        Remove(lecture);
        if (other >= 0)
        {
            Remove(other);
            Add(other, fromPeriod, fromRoom);
        }

        Add(lecture, toPeriod, toRoom);
        delta = Score - before;
        return true;
    }

    /// <summary>
    /// Kempe chain between a lecture's period and another: the lecture moves, every lecture of the other period
    /// that conflicts with it (teacher or curriculum) moves back, and so on; rooms are kept where free, else best fit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryKempeChain(SplitMix64 random, out Score delta)
    {
        var start = random.Next(_lectureCourse.Length);
        var available = _courseAvailablePeriods[_lectureCourse[start]];
        return KempeChain(start, available[random.Next(available.Length)], out delta);
    }

    /// <summary>The Kempe chain that starts with moving the lecture to period p2 (see <see cref="TryKempeChain"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool KempeChain(int start, int p2, out Score delta)
    {
        delta = default;
        var p1 = _period[start];
        if (p1 == p2)
            return false;

        var stamp = ++_stamp;
        var count = 0;
        _scratch[count++] = start;
        _chainMark[start] = stamp;
        var courses = _instance.Courses.Length;
        int fromP1 = 0, fromP2 = 0;
        for (var i = 0; i < count; i++)
        {
            var x = _scratch[i];
            var cx = _lectureCourse[x];
            var from = _period[x];
            var to = from == p1 ? p2 : p1;
            if (from == p1) fromP1++; else fromP2++;
            if (!IsAvailable(cx, to))
                return false;
            if (!AnyConflictIn(cx, to))
                continue;
            var row = cx * courses;
            var cells = to * _rooms;
            for (var r = 0; r < _rooms; r++)
            {
                var y = _occupant[cells + r];
                if (y >= 0 && _chainMark[y] != stamp && _conflict[row + _lectureCourse[y]])
                {
                    _chainMark[y] = stamp;
                    _scratch[count++] = y;
                }
            }
        }

        // Room cells: the chain's lectures leaving a period free their rooms for those arriving.
        if (fromP1 > _emptyRooms[p2] + fromP2 || fromP2 > _emptyRooms[p1] + fromP1)
            return false;

        var before = BeginMove();
        for (var i = 0; i < count; i++)
        {
            Remember(_scratch[i]);
            Remove(_scratch[i]);
        }

        // Keep each lecture's room where that cell is free; the rest take the best-fitting free room.
        for (var i = 0; i < count; i++)
        {
            var to = _undoPeriod[i] == p1 ? p2 : p1;
            if (_occupant[to * _rooms + _undoRoom[i]] < 0)
            {
                Add(_undoLecture[i], to, _undoRoom[i]);
                _scratch[i] = -1;
            }
        }

        for (var i = 0; i < count; i++)
        {
            if (_scratch[i] < 0)
                continue;
            var to = _undoPeriod[i] == p1 ? p2 : p1;
            Add(_undoLecture[i], to, BestFreeRoom(to, _courseStudents[_lectureCourse[_undoLecture[i]]]));
        }

        delta = Score - before;
        return true;
    }

    // The targeted chains look at a few random curricula or lectures for one that needs them; every draw comes from the
    // search's generator, so a seed still gives one timetable.
    private const int TargetTries = 8;

    /// <summary>
    /// Compactness repair: in a random curriculum, a lecture alone on its day (no lecture of the curriculum in the period
    /// before or after) goes, by a Kempe chain, to a free period of the curriculum next to one of its lectures, both picked
    /// at random in one pass over the curriculum's week. Curriculum compactness is most of the cost left on the instances
    /// whose targets are missed, and a random period almost never lands next to a lecture of the same curriculum.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryCompactnessChain(SplitMix64 random, out Score delta)
    {
        delta = default;
        var curricula = _curriculumCourses.Length;
        if (curricula == 0)
            return false;
        for (var attempt = 0; attempt < TargetTries; attempt++)
        {
            var curriculum = random.Next(curricula);
            var row = curriculum * _curriculumStride;
            int source = -1, target = -1, sources = 0, targets = 0;
            var period = 0;
            for (var day = 0; day < _days; day++)
            {
                var index = row + day * (_periodsPerDay + 2) + 1;
                for (var slot = 0; slot < _periodsPerDay; slot++, index++, period++)
                {
                    var before = _curriculumLoad[index - 1];
                    var after = _curriculumLoad[index + 1];
                    if (_curriculumLoad[index] > 0)
                    {
                        if (before == 0 && after == 0 && random.Next(++sources) == 0)
                            source = period;
                    }
                    else if ((before > 0 || after > 0) && random.Next(++targets) == 0)
                    {
                        target = period;
                    }
                }
            }

            if (source < 0)
                continue;
            // A target next to the source alone would leave the lecture as alone as before.
            if (target < 0 || (Math.Abs(target - source) == 1 && _dayOfPeriod[target] == _dayOfPeriod[source]
                               && IsolatedAfterLeaving(row + _curriculumCell[target], row + _curriculumCell[source])))
                return false;
            var lecture = LectureOfCurriculumIn(curriculum, source);
            if (!IsAvailable(_lectureCourse[lecture], target))
                return false;
            return KempeChain(lecture, target, out delta);
        }

        return false;
    }

    /// <summary>Whether the target cell would have no busy neighbour once the source cell next to it is empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsolatedAfterLeaving(int target, int source) =>
        _curriculumLoad[target + (target - source)] == 0;

    /// <summary>A lecture in the period whose course belongs to the curriculum (the curriculum's load there is not 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int LectureOfCurriculumIn(int curriculum, int period)
    {
        var courses = _instance.Courses.Length;
        for (var r = 0; r < _rooms; r++)
        {
            var lecture = _occupant[period * _rooms + r];
            if (lecture >= 0 && _inCurriculum[curriculum * courses + _lectureCourse[lecture]])
                return lecture;
        }

        throw new InvalidOperationException("The curriculum's load says a lecture is there.");
    }

    /// <summary>
    /// Working-days repair: a lecture of a course that teaches on fewer days than its minimum, taken from a day on which
    /// the course has another lecture to a period (free for the course) of a day on which it has none, by a Kempe chain.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryWorkingDaysChain(SplitMix64 random, out Score delta)
    {
        delta = default;
        for (var attempt = 0; attempt < TargetTries; attempt++)
        {
            var lecture = random.Next(_lectureCourse.Length);
            var course = _lectureCourse[lecture];
            if (_courseDays[course] >= _courseMinDays[course] || _courseDayLoad[course * _days + _dayOfPeriod[_period[lecture]]] < 2)
                continue;
            var available = _courseAvailablePeriods[course];
            for (var tries = 0; tries < TargetTries; tries++)
            {
                var target = available[random.Next(available.Length)];
                if (_courseDayLoad[course * _days + _dayOfPeriod[target]] == 0)
                    return KempeChain(lecture, target, out delta);
            }

            return false;
        }

        return false;
    }

    /// <summary>Room-stability repair: every lecture of a course into one room it already uses, swapping with the occupant in its period.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryCourseRoom(SplitMix64 random, out Score delta)
    {
        delta = default;
        var course = _lectureCourse[random.Next(_lectureCourse.Length)];
        if (_courseRooms[course] <= 1)
            return false;
        var first = _courseFirstLecture[course];
        var last = _courseFirstLecture[course + 1];
        var target = _room[first + random.Next(last - first)];

        var before = BeginMove();
        for (var l = first; l < last; l++)
        {
            if (_room[l] == target)
                continue;
            var other = _occupant[_period[l] * _rooms + target];
            if (other >= 0 && _lectureCourse[other] == course)
                continue;
            Remember(l);
            if (other >= 0)
                Remember(other);
            MoveRoomWithinPeriod(l, target);
        }

        if (_undoCount == 0)
            return false;
        delta = Score - before;
        return true;
    }

    /// <summary>
    /// Whether the period holds a lecture of the course's teacher or curricula (its own course shares the teacher), read
    /// from the loads; most chain lectures have none, and this spares them the scan of the period's rooms.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool AnyConflictIn(int course, int period)
    {
        if (_teacherLoad[_courseTeacher[course] * _periods + period] > 0)
            return true;
        var cell = _curriculumCell[period];
        foreach (var curriculum in _courseCurricula[course])
            if (_curriculumLoad[curriculum * _curriculumStride + cell] > 0)
                return true;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsAvailable(int course, int period) => _courseAvailable[course * _periods + period];

    /// <summary>The smallest free room that seats everyone, else the largest free room.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int BestFreeRoom(int period, int students)
    {
        int fit = -1, largest = -1;
        for (var r = 0; r < _rooms; r++)
        {
            if (_occupant[period * _rooms + r] >= 0)
                continue;
            var capacity = _roomCapacity[r];
            if (capacity >= students && (fit < 0 || capacity < _roomCapacity[fit]))
                fit = r;
            if (largest < 0 || capacity > _roomCapacity[largest])
                largest = r;
        }

        return fit >= 0 ? fit : largest;
    }
}
