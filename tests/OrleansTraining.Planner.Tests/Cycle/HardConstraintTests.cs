using OrleansTraining.Planner.Cycle;
using static OrleansTraining.Planner.Tests.Cycle.TinyCycle;

namespace OrleansTraining.Planner.Tests.Cycle;

/// <summary>Each hard constraint: a violating plan is detected (with its entities), and the planner avoids it.</summary>
public sealed class HardConstraintTests
{
    private static readonly CyclePlanner Planner = new();
    private static readonly DateOnly Tuesday = Monday.AddDays(1);
    private static readonly DateOnly Wednesday = Monday.AddDays(2);

    private static ScoreBreakdown Evaluate(CyclePlan plan, CycleProblem? problem = null) =>
        Planner.Evaluate(problem ?? Problem(), plan, PlannerWeights.Default);

    [Fact]
    public void A_clean_plan_has_no_hard_violation()
    {
        var breakdown = Evaluate(Plan(("C1", "ha-noi", Monday, "L1", "L3"), ("C2", "ho-chi-minh", Wednesday, "L2", "L3")));

        Assert.Equal(0, breakdown.Score.Hard);
    }

    [Fact]
    public void Unqualified_lecturer_is_a_violation()
    {
        var breakdown = Evaluate(Plan(("C1", "ha-noi", Monday, "L3", "L2"), ("C2", "ho-chi-minh", Wednesday, "L2", "L3")));

        var match = Assert.Single(breakdown.HardMatches);
        Assert.Equal(CycleConstraint.LecturerQualified, match.Constraint);
        Assert.Contains("L3", match.Entities);
        Assert.Contains("C1/0", match.Entities);
    }

    [Fact]
    public void Same_half_day_in_two_places_is_double_booking()
    {
        var breakdown = Evaluate(Plan(("C1", "ha-noi", Monday, "L2", "L3"), ("C2", "ho-chi-minh", Monday, "L2", "L3")));

        Assert.Equal(2, breakdown.Cost(CycleConstraint.LecturerDoubleBooked));
    }

    [Fact]
    public void Consecutive_days_far_apart_leave_no_travel_day()
    {
        // Hà Nội on Monday, Hồ Chí Minh City on Tuesday: the flight takes a day.
        var tooClose = Evaluate(Plan(("C1", "ha-noi", Monday, "L1", "L3"), ("C2", "ho-chi-minh", Tuesday, "L2", "L3")));
        var withTravelDay = Evaluate(Plan(("C1", "ha-noi", Monday, "L1", "L3"), ("C2", "ho-chi-minh", Wednesday, "L2", "L3")));

        Assert.Equal(1, tooClose.Cost(CycleConstraint.LecturerDoubleBooked));
        Assert.Equal(0, withTravelDay.Cost(CycleConstraint.LecturerDoubleBooked));
    }

    [Fact]
    public void Neighbouring_provinces_need_no_travel_day()
    {
        var problem = Problem() with { Courses = [Course("C1", ["ha-noi"], "ha-noi"), Course("C2", ["bac-ninh"], "bac-ninh")] };

        var breakdown = Evaluate(Plan(("C1", "ha-noi", Monday, "L1", "L3"), ("C2", "bac-ninh", Tuesday, "L2", "L3")), problem);

        Assert.Equal(0, breakdown.Score.Hard);
        Assert.Equal(1, TravelModel.TravelDays(TravelModel.RoadKm(problem.Provinces[0], problem.Provinces[2])));
        Assert.Equal(0, TravelModel.TravelDays(TravelModel.RoadKm(problem.Provinces[0], problem.Provinces[1])));
    }

    [Fact]
    public void Host_too_small_is_a_capacity_violation()
    {
        var breakdown = Evaluate(Plan(("C1", "hai-phong", Monday, "L1", "L3"), ("C2", "ho-chi-minh", Wednesday, "L2", "L3")));

        var match = Assert.Single(breakdown.HardMatches);
        Assert.Equal(CycleConstraint.HostCapacity, match.Constraint);
        Assert.Equal(new[] { "C1", "hai-phong" }, match.Entities.ToArray());
    }

    [Fact]
    public void Unavailable_host_and_unavailable_lecturer_are_violations()
    {
        var problem = Problem();
        problem = new ProvinceUnavailable("ha-noi", [Monday]).ApplyTo(problem);
        problem = new LecturerUnavailable("L1", [Monday]).ApplyTo(problem);

        var breakdown = Evaluate(Plan(("C1", "ha-noi", Monday, "L1", "L3"), ("C2", "ho-chi-minh", Wednesday, "L2", "L3")), problem);

        Assert.Equal(1, breakdown.Cost(CycleConstraint.HostUnavailable));
        Assert.Equal(1, breakdown.Cost(CycleConstraint.LecturerUnavailable));
    }

    [Fact]
    public void Weekend_blocked_period_and_dates_outside_the_cycle_are_violations()
    {
        var saturday = Monday.AddDays(5);
        var problem = Problem() with { Cycle = Problem().Cycle with { Blocked = [new BlockedPeriod(Wednesday, Wednesday, "holiday")] } };

        Assert.Equal(1, Evaluate(Plan(("C1", "ha-noi", saturday, "L1", "L3"), ("C2", "ho-chi-minh", Wednesday.AddDays(1), "L2", "L3"))).Cost(CycleConstraint.DateOutsideCycle));
        Assert.Equal(1, Evaluate(Plan(("C1", "ha-noi", Monday, "L1", "L3"), ("C2", "ho-chi-minh", Wednesday, "L2", "L3")), problem).Cost(CycleConstraint.DateOutsideCycle));
        Assert.Equal(1, Evaluate(Plan(("C1", "ha-noi", new DateOnly(2026, 4, 6), "L1", "L3"), ("C2", "ho-chi-minh", Wednesday, "L2", "L3"))).Cost(CycleConstraint.DateOutsideCycle));
    }

    [Fact]
    public void Two_courses_at_one_host_on_the_same_day_double_book_the_venue()
    {
        var problem = Problem() with { Courses = [Course("C1", ["ha-noi"], "ha-noi"), Course("C2", ["ha-noi"], "ha-noi")] };

        var sameDay = Evaluate(Plan(("C1", "ha-noi", Monday, "L1", "L3"), ("C2", "ha-noi", Monday, "L2", "L2")), problem);
        var nextDay = Evaluate(Plan(("C1", "ha-noi", Monday, "L1", "L3"), ("C2", "ha-noi", Tuesday, "L1", "L3")), problem);

        var match = Assert.Single(sameDay.Matches, m => m.Constraint == CycleConstraint.HostDoubleBooked);
        Assert.Equal(new[] { "ha-noi", "C1", "C2" }, match.Entities.ToArray());
        Assert.Equal(0, nextDay.Score.Hard);
    }

    [Fact]
    public void Load_above_the_maximum_is_a_violation()
    {
        var problem = Problem() with { Lecturers = [Lecturer("L1", "A", 1, "T1"), Lecturer("L2", "B", 10, "T1", "T2"), Lecturer("L3", "B", 10, "T2")] };

        var breakdown = Evaluate(Plan(("C1", "ha-noi", Monday, "L1", "L3"), ("C2", "ho-chi-minh", Wednesday, "L1", "L3")), problem);

        Assert.Equal(1, breakdown.Cost(CycleConstraint.LecturerMaxLoad));
    }

    [Fact]
    public void Unstaffed_session_and_declined_lecturer_are_violations()
    {
        var problem = new LecturerDeclined("C1/0", "L1").ApplyTo(Problem());

        var breakdown = Evaluate(Plan(("C1", "ha-noi", Monday, "L1", null), ("C2", "ho-chi-minh", Wednesday, "L2", "L3")), problem);

        Assert.Equal(1, breakdown.Cost(CycleConstraint.SessionUnstaffed));
        Assert.Equal(1, breakdown.Cost(CycleConstraint.LecturerDeclined));
    }

    [Fact]
    public void Planner_avoids_every_hard_violation_in_the_tiny_cycle()
    {
        var problem = Problem() with
        {
            Lecturers = [Lecturer("L1", "A", 1, "T1"), Lecturer("L2", "B", 10, "T1", "T2"), Lecturer("L3", "B", 1, "T2")],
        };
        problem = new ProvinceUnavailable("ha-noi", [.. Enumerable.Range(0, 10).Select(Monday.AddDays)]).ApplyTo(problem);

        var result = Planner.Plan(problem, new PlannerSettings { Seed = 3, MaxIterations = 50_000, TimeLimit = null });

        Assert.Equal(0, result.Plan.Score.Hard);
        Assert.Null(result.Infeasibility);
        Assert.NotEqual("hai-phong", result.Plan.Course("C1").HostProvince);
        Assert.All(result.Plan.Courses, c => Assert.InRange(c.Start.DayOfWeek, DayOfWeek.Monday, DayOfWeek.Friday));
        Assert.True(result.Plan.Course("C1").HostProvince != "ha-noi" || result.Plan.Course("C1").Start >= Monday.AddDays(10));
    }

    [Fact]
    public void Pinned_host_and_accepted_lecturer_stay_even_when_costlier()
    {
        // Trainees come from Hà Nội, so Bắc Ninh is the costlier host; L2 is not of T1's department.
        var problem = Problem() with
        {
            Pins = Pins.None with
            {
                ConfirmedHosts = Pins.None.ConfirmedHosts.Add("C1", "bac-ninh"),
                AcceptedLecturers = Pins.None.AcceptedLecturers.Add("C1/0", "L2"),
            },
        };

        var result = Planner.Plan(problem, new PlannerSettings { Seed = 1, MaxIterations = 20_000, TimeLimit = null });

        Assert.Equal("bac-ninh", result.Plan.Course("C1").HostProvince);
        Assert.Equal("L2", result.Plan.Session("C1/0").LecturerId);
        Assert.Equal(0, result.Plan.Score.Hard);
    }
}
