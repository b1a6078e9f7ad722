using OrleansTraining.Planner.Cycle;

namespace OrleansTraining.Planner.Tests.Cycle;

public sealed class RepairTests
{
    private readonly CyclePlanner _planner = new();
    private static CyclePlan Plan => NationalCycle.Planned.Plan;

    [Fact]
    public void Decline_gives_the_session_another_lecturer_and_moves_little()
    {
        var session = Plan.Sessions[17];

        var repair = _planner.Repair(NationalCycle.Problem, Plan, new LecturerDeclined(session.SessionId, session.LecturerId!), NationalCycle.Settings);

        Assert.Equal(0, repair.Plan.Score.Hard);
        Assert.NotEqual(session.LecturerId, repair.Plan.Session(session.SessionId).LecturerId);
        Assert.Contains(repair.Moves, m => m.Kind == PlanMoveKind.Lecturer && m.EntityId == session.SessionId && m.From == session.LecturerId);
        Assert.InRange(repair.Moves.Length, 1, 4);
        Assert.Equal(CyclePlanner.Diff(Plan, repair.Plan).ToArray(), repair.Moves.ToArray());
    }

    [Fact]
    public void Lecturer_unavailability_moves_them_off_that_date()
    {
        var session = Plan.Sessions[40];

        var repair = _planner.Repair(NationalCycle.Problem, Plan, new LecturerUnavailable(session.LecturerId!, [session.Date]), NationalCycle.Settings);

        Assert.Equal(0, repair.Plan.Score.Hard);
        Assert.DoesNotContain(repair.Plan.Sessions, s => s.LecturerId == session.LecturerId && s.Date == session.Date);
        Assert.InRange(repair.Moves.Length, 1, 4);
    }

    [Fact]
    public void Host_refusal_moves_the_course_elsewhere()
    {
        var course = Plan.Courses[3];

        var repair = _planner.Repair(NationalCycle.Problem, Plan, new HostRefused(course.CourseId, course.HostProvince), NationalCycle.Settings);

        Assert.Equal(0, repair.Plan.Score.Hard);
        Assert.NotEqual(course.HostProvince, repair.Plan.Course(course.CourseId).HostProvince);
        Assert.Contains(repair.Moves, m => m.Kind == PlanMoveKind.Host && m.EntityId == course.CourseId);
        Assert.InRange(repair.Moves.Length, 1, 4);
    }

    [Fact]
    public void A_change_that_breaks_nothing_moves_nothing()
    {
        var busy = Plan.Sessions.Select(s => s.Date).ToHashSet();
        var freeDay = Enumerable.Range(0, 700).Select(d => new DateOnly(2026, 1, 5).AddDays(d)).First(d => !busy.Contains(d));

        var repair = _planner.Repair(NationalCycle.Problem, Plan, new LecturerUnavailable("L001", [freeDay]), NationalCycle.Settings);

        Assert.Empty(repair.Moves);
        Assert.Equal(Plan.Sessions.ToArray(), repair.Plan.Sessions.ToArray());
    }

    [Fact]
    public void Several_changes_are_repaired_together()
    {
        var declined = Plan.Sessions[20];
        var refused = Plan.Courses[7];
        var change = new CombinedChange([new LecturerDeclined(declined.SessionId, declined.LecturerId!), new HostRefused(refused.CourseId, refused.HostProvince)]);

        var repair = _planner.Repair(NationalCycle.Problem, Plan, change, NationalCycle.Settings);

        Assert.Equal(0, repair.Plan.Score.Hard);
        Assert.NotEqual(declined.LecturerId, repair.Plan.Session(declined.SessionId).LecturerId);
        Assert.NotEqual(refused.HostProvince, repair.Plan.Course(refused.CourseId).HostProvince);
    }

    [Fact]
    public void Repair_is_deterministic()
    {
        var session = Plan.Sessions[5];
        var change = new LecturerDeclined(session.SessionId, session.LecturerId!);

        var first = _planner.Repair(NationalCycle.Problem, Plan, change, NationalCycle.Settings);
        var second = _planner.Repair(NationalCycle.Problem, Plan, change, NationalCycle.Settings);

        Assert.Equal(first.Moves.ToArray(), second.Moves.ToArray());
    }
}
