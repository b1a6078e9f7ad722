using OrleansTraining.Planner.Cycle;
using OrleansTraining.Planner.Search;
using static OrleansTraining.Planner.Tests.Cycle.TinyCycle;

namespace OrleansTraining.Planner.Tests.Cycle;

public sealed class MoreCycleTests
{
    private readonly CyclePlanner _planner = new();

    [Fact]
    public void What_if_a_province_is_unavailable_moves_its_courses_away()
    {
        var problem = Problem();
        var settings = new PlannerSettings { Seed = 1, MaxIterations = 20_000, TimeLimit = null };
        var basePlan = _planner.Plan(problem, settings).Plan;
        Assert.Equal("ha-noi", basePlan.Course("C1").HostProvince);

        var all = Enumerable.Range(0, 30).Select(Monday.AddDays).ToArray();
        var comparison = _planner.WhatIf(problem, basePlan, settings, new ProvinceUnavailable("ha-noi", [.. all]));

        Assert.Equal(0, comparison.B.Hard);
        Assert.Contains(comparison.Moves, m => m.Kind == PlanMoveKind.Host && m.EntityId == "C1" && m.From == "ha-noi");
        Assert.True(comparison.Constraints.Single(c => c.Constraint == CycleConstraint.TraineeTravel).Difference > 0);
    }

    [Fact]
    public void Planner_reports_progress_with_the_best_score()
    {
        var reports = new List<SearchProgress>();

        var result = _planner.Plan(Problem(), new PlannerSettings { MaxIterations = 5_000, TimeLimit = null }, default, new ListProgress(reports));

        Assert.NotEmpty(reports);
        Assert.Equal(result.Plan.Score, reports[^1].Best);
    }

    [Fact]
    public void A_course_longer_than_a_working_week_cannot_be_dated_and_diagnose_says_so()
    {
        var longCourse = Course("C1", ["ha-noi"], "ha-noi") with { Days = 6 };
        var problem = Problem() with { Courses = [longCourse] };

        var cause = Assert.Single(_planner.Diagnose(problem).Causes);

        Assert.Equal(CycleConstraint.DateOutsideCycle, cause.Constraint);
        Assert.Equal(new[] { "C1" }, cause.Entities.ToArray());
    }

    [Fact]
    public void Repair_moves_nothing_pinned()
    {
        var problem = Problem() with
        {
            Pins = Pins.None with { AcceptedLecturers = Pins.None.AcceptedLecturers.Add("C2/0", "L2") },
        };
        var settings = new PlannerSettings { Seed = 4, MaxIterations = 20_000, TimeLimit = null };
        var plan = _planner.Plan(problem, settings).Plan;
        var morning = plan.Session("C1/0");

        var repair = _planner.Repair(problem, plan, new LecturerDeclined("C1/0", morning.LecturerId!), settings);

        Assert.Equal("L2", repair.Plan.Session("C2/0").LecturerId);
        Assert.NotEqual(morning.LecturerId, repair.Plan.Session("C1/0").LecturerId);
        Assert.Equal(0, repair.Plan.Score.Hard);
    }

    private sealed class ListProgress(List<SearchProgress> reports) : IProgress<SearchProgress>
    {
        public void Report(SearchProgress value) => reports.Add(value);
    }
}
