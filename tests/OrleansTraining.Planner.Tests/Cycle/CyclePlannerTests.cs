using OrleansTraining.Planner.Cycle;
using OrleansTraining.Planner.Cycle.Samples;
using OrleansTraining.Planner.Search;

namespace OrleansTraining.Planner.Tests.Cycle;

public sealed class CyclePlannerTests
{
    private readonly CyclePlanner _planner = new();

    [Fact]
    public void National_cycle_is_planned_without_hard_violations()
    {
        var result = NationalCycle.Planned;

        Assert.Equal(0, result.Plan.Score.Hard);
        Assert.Null(result.Infeasibility);
        Assert.Equal(NationalCycle.Problem.Courses.Length, result.Plan.Courses.Length);
        Assert.All(result.Plan.Sessions, s => Assert.NotNull(s.LecturerId));
    }

    [Fact]
    public void Full_recomputation_agrees_with_the_incremental_score()
    {
        var result = NationalCycle.Planned;

        var breakdown = _planner.Evaluate(NationalCycle.Problem, result.Plan, NationalCycle.Settings.Weights);

        Assert.Equal(result.Plan.Score, breakdown.Score);
        Assert.Equal(breakdown.Score.Soft, breakdown.Constraints.Where(c => !c.IsHard).Sum(c => c.Cost));
        Assert.Equal(breakdown.Score.Soft, breakdown.Matches.Where(m => !m.Constraint.IsHard()).Sum(m => m.Cost));
    }

    [Fact]
    public void Incremental_score_stays_exact_through_random_moves_and_undos()
    {
        var model = new CycleModel(NationalCycle.Problem, PlannerWeights.Default);
        var state = new CycleState(model);
        var random = new SplitMix64(11);
        var initial = PlanConstruction.Build(model, random);
        state.Load(initial.Host, initial.Start, initial.Lecturer);

        for (var i = 0; i < 3_000; i++)
        {
            if (state.TryApplyRandomMove(random, out _) && random.Next(3) == 0)
                state.UndoLastMove();
        }

        var plan = CyclePlanner.ToPlan(model, state);
        Assert.Equal(CycleScorer.Score(model, plan).Score, state.Score);
    }

    [Fact]
    public void Same_seed_and_iteration_limit_give_the_same_plan()
    {
        var settings = new PlannerSettings { Seed = 9, MaxIterations = 40_000, TimeLimit = null };

        var first = _planner.Plan(NationalCycle.Problem, settings).Plan;
        var second = _planner.Plan(NationalCycle.Problem, settings).Plan;
        var other = _planner.Plan(NationalCycle.Problem, settings with { Seed = 10 }).Plan;

        Assert.Equal(first.Courses.ToArray(), second.Courses.ToArray());
        Assert.Equal(first.Sessions.ToArray(), second.Sessions.ToArray());
        Assert.NotEqual(first.Sessions.ToArray(), other.Sessions.ToArray());
    }

    [Fact]
    public void Weights_are_data_a_heavier_trainee_travel_weight_shortens_trainee_travel()
    {
        var problem = NationalCycle.Problem;
        var settings = new PlannerSettings { Seed = 2, MaxIterations = 150_000, TimeLimit = null };
        var heavy = settings with { Weights = PlannerWeights.Default with { TraineeTravel = 50 } };

        var normal = _planner.Plan(problem, settings).Plan;
        var travelFirst = _planner.Plan(problem, heavy).Plan;

        // Compare both under the same (default) weights: raw trainee travel must not be worse.
        Assert.True(
            _planner.Evaluate(problem, travelFirst, PlannerWeights.Default).Cost(CycleConstraint.TraineeTravel) <=
            _planner.Evaluate(problem, normal, PlannerWeights.Default).Cost(CycleConstraint.TraineeTravel));
    }

    [Fact]
    public void Field_trip_visits_its_stops_in_order_with_travel_days()
    {
        var plan = NationalCycle.Planned.Plan;
        var trip = plan.Sessions.Where(s => s.CourseId == "F001").ToList();

        Assert.Equal(["ho-chi-minh", "can-tho", "lam-dong", "da-nang"], trip.Select(s => s.Province).Distinct());
        var firstDay = trip.GroupBy(s => s.Province).ToDictionary(g => g.Key, g => g.Min(s => s.Date));
        // Cần Thơ to Lâm Đồng is more than an evening's drive: a travel day lies between the two stops.
        Assert.Equal(2, firstDay["lam-dong"].DayNumber - firstDay["can-tho"].DayNumber);
    }

    [Fact]
    public void Cancellation_returns_a_complete_plan()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var result = _planner.Plan(NationalCycle.Problem, new PlannerSettings { MaxIterations = long.MaxValue, TimeLimit = null }, cancelled.Token);

        Assert.Equal(SearchStopReason.Cancelled, result.Search.StopReason);
        Assert.Equal(NationalCycle.Problem.Courses.Length, result.Plan.Courses.Length);
    }

    [Fact]
    public void Ten_times_scale_generator_is_deterministic()
    {
        var a = CycleInstanceGenerator.Generate(10, 3);
        var b = CycleInstanceGenerator.Generate(10, 3);

        Assert.Equal(210, a.Courses.Length);
        Assert.Equal(600, a.Lecturers.Length);
        Assert.Equal(a.Lecturers.Select(l => (l.Id, l.HomeProvince, string.Join(",", l.QualifiedTopics))),
                     b.Lecturers.Select(l => (l.Id, l.HomeProvince, string.Join(",", l.QualifiedTopics))));
    }
}
