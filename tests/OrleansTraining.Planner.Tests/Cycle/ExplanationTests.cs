using System.Collections.Immutable;
using OrleansTraining.Planner.Cycle;
using static OrleansTraining.Planner.Tests.Cycle.TinyCycle;

namespace OrleansTraining.Planner.Tests.Cycle;

public sealed class ExplanationTests
{
    private readonly CyclePlanner _planner = new();

    [Fact]
    public void Session_alternatives_match_rescoring_the_changed_plan()
    {
        var plan = NationalCycle.Planned.Plan;
        var session = plan.Sessions[10];

        var explanation = _planner.ExplainSession(NationalCycle.Problem, plan, session.SessionId, PlannerWeights.Default, alternatives: 5);

        Assert.Equal(session.LecturerId, explanation.Current);
        Assert.Equal(plan.Score, explanation.Score);
        Assert.NotEmpty(explanation.Alternatives);
        foreach (var alternative in explanation.Alternatives)
        {
            var changed = plan with
            {
                Sessions = [.. plan.Sessions.Select(s => s.SessionId == session.SessionId ? s with { LecturerId = alternative.Option } : s)],
            };
            var rescored = _planner.Evaluate(NationalCycle.Problem, changed, PlannerWeights.Default).Score;
            Assert.Equal(rescored, alternative.Score);
            Assert.Equal(rescored - plan.Score, alternative.Difference);
            Assert.Equal(alternative.Difference.Hard + alternative.Difference.Soft, alternative.Changes.Sum(c => c.Difference));
        }

        Assert.True(explanation.Alternatives.Zip(explanation.Alternatives.Skip(1)).All(p => p.First.Score <= p.Second.Score));
    }

    [Fact]
    public void A_converged_plan_has_no_better_single_lecturer_change()
    {
        var plan = NationalCycle.Planned.Plan;

        var explanation = _planner.ExplainSession(NationalCycle.Problem, plan, plan.Sessions[3].SessionId, PlannerWeights.Default);

        Assert.All(explanation.Alternatives, a => Assert.True(a.Difference.Hard >= 0));
        Assert.Contains(plan.Sessions[3].LecturerId!, explanation.Summary);
    }

    [Fact]
    public void An_equal_alternative_is_called_just_as_good_never_worse()
    {
        var plan = Plan(("C1", "ha-noi", Monday, "L1", "L3"), ("C2", "ho-chi-minh", Monday.AddDays(2), "L2", "L3"));

        var explanation = _planner.ExplainCourse(Problem(), plan, "C1", PlannerWeights.Default, alternatives: 5);

        // Another weekday in the same month costs exactly the same.
        Assert.Equal(OrleansTraining.Planner.Search.Score.Zero, explanation.Alternatives[0].Difference);
        Assert.DoesNotContain("worse", explanation.Summary);
        Assert.Contains("just as good", explanation.Summary);
    }

    [Fact]
    public void Course_explanation_lists_hosts_and_dates_with_their_costs()
    {
        var plan = Plan(("C1", "ha-noi", Monday, "L1", "L3"), ("C2", "ho-chi-minh", Monday.AddDays(2), "L2", "L3"));

        var explanation = _planner.ExplainCourse(Problem(), plan, "C1", PlannerWeights.Default, alternatives: 50);

        // Hải Phòng cannot seat 20 trainees: one hard violation more.
        var haiPhong = explanation.Alternatives.Single(a => a.Option == "host hai-phong");
        Assert.Equal(1, haiPhong.Difference.Hard);
        Assert.Contains(haiPhong.Changes, c => c.Constraint == CycleConstraint.HostCapacity && c.Difference == 1);
        // Bắc Ninh is farther for trainees from Hà Nội.
        var bacNinh = explanation.Alternatives.Single(a => a.Option == "host bac-ninh");
        Assert.True(bacNinh.Changes.Single(c => c.Constraint == CycleConstraint.TraineeTravel).Difference > 0);
        Assert.Contains(explanation.Alternatives, a => a.Option.StartsWith("start ", StringComparison.Ordinal));
    }

    [Fact]
    public void Diagnose_names_the_topic_nobody_can_teach()
    {
        var problem = Problem() with { Lecturers = [Lecturer("L1", "A", 10, "T1")] };

        var report = _planner.Diagnose(problem);

        Assert.True(report.Proven);
        var causes = report.Causes.Where(c => c.Constraint == CycleConstraint.SessionUnstaffed).ToList();
        Assert.Equal(2, causes.Count);
        Assert.All(causes, c => Assert.Contains("T2", c.Entities));
        Assert.Contains(causes, c => c.Entities.Contains("C1/1"));
    }

    [Fact]
    public void Diagnose_names_capacity_and_load_shortfalls_and_plan_reports_them()
    {
        var problem = Problem() with
        {
            Courses = [Course("C1", ["hai-phong"], "ha-noi"), Course("C2", ["ho-chi-minh"], "ho-chi-minh")],
            Lecturers = [Lecturer("L1", "A", 1, "T1"), Lecturer("L3", "B", 2, "T2")],
        };

        var report = _planner.Diagnose(problem);
        var result = _planner.Plan(problem, new PlannerSettings { MaxIterations = 5_000, TimeLimit = null });

        Assert.Contains(report.Causes, c => c.Constraint == CycleConstraint.HostCapacity && c.Entities.SequenceEqual(["C1", "hai-phong"]));
        Assert.Contains(report.Causes, c => c.Constraint == CycleConstraint.LecturerMaxLoad && c.Entities.Contains("T1") && c.Entities.Contains("L1"));
        Assert.True(result.Plan.Score.Hard > 0);
        Assert.NotNull(result.Infeasibility);
        Assert.True(result.Infeasibility!.Proven);
    }

    [Fact]
    public void Diagnose_finds_nothing_wrong_with_a_feasible_problem()
    {
        Assert.Empty(_planner.Diagnose(NationalCycle.Problem).Causes);
    }

    [Fact]
    public void What_if_comparison_reports_per_constraint_differences_and_moves()
    {
        var problem = NationalCycle.Problem;
        var plan = NationalCycle.Planned.Plan;
        var busiest = plan.Sessions.GroupBy(s => s.LecturerId).OrderByDescending(g => g.Count()).First().Key!;
        var variantProblem = new LecturerRemoved(busiest).ApplyTo(problem);
        var variant = _planner.Plan(variantProblem, NationalCycle.Settings).Plan;

        var comparison = CyclePlanner.Compare(
            _planner.Evaluate(problem, plan, PlannerWeights.Default), plan,
            _planner.Evaluate(variantProblem, variant, PlannerWeights.Default), variant);

        Assert.DoesNotContain(variant.Sessions, s => s.LecturerId == busiest);
        Assert.Equal(comparison.B.Soft - comparison.A.Soft, comparison.Constraints.Where(c => !c.Constraint.IsHard()).Sum(c => c.Difference));
        Assert.Contains(comparison.Moves, m => m.Kind == PlanMoveKind.Lecturer && m.From == busiest);
        Assert.Empty(_planner.Compare(problem, plan, plan, PlannerWeights.Default).Moves);
    }

    [Fact]
    public void Compare_under_other_weights_shows_the_trade_off()
    {
        var problem = NationalCycle.Problem;
        var plan = NationalCycle.Planned.Plan;
        var weights = PlannerWeights.Default with { HostRotation = 500 };
        var variant = _planner.Plan(problem, NationalCycle.Settings with { Weights = weights }).Plan;

        var comparison = _planner.Compare(problem, plan, variant, PlannerWeights.Default);

        Assert.True(comparison.Constraints.Single(c => c.Constraint == CycleConstraint.HostRotation).B <=
                    comparison.Constraints.Single(c => c.Constraint == CycleConstraint.HostRotation).A);
        Assert.Equal(ImmutableArray<PlanMove>.Empty.Length, CyclePlanner.Diff(plan, plan).Length);
    }
}
