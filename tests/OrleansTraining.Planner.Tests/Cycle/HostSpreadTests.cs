using OrleansTraining.Planner.Cycle;
using static OrleansTraining.Planner.Tests.Cycle.TinyCycle;

namespace OrleansTraining.Planner.Tests.Cycle;

/// <summary>Host spread: the programme goes round the provinces instead of settling where travel is least.</summary>
public sealed class HostSpreadTests
{
    private static readonly CyclePlanner Planner = new();

    /// <summary>Three one-day courses whose trainees all come from Hà Nội, each hostable in Hà Nội or Bắc Ninh.</summary>
    private static CycleProblem ThreeCoursesNearHanoi() => Problem() with
    {
        Courses =
        [
            Course("C1", ["ha-noi", "bac-ninh"], "ha-noi"),
            Course("C2", ["ha-noi", "bac-ninh"], "ha-noi"),
            Course("C3", ["ha-noi", "bac-ninh"], "ha-noi"),
        ],
    };

    [Fact]
    public void Each_pair_of_courses_at_one_host_costs_the_weight_and_names_the_province()
    {
        var plan = Plan(
            ("C1", "ha-noi", Monday, "L1", "L3"),
            ("C2", "ha-noi", Monday.AddDays(1), "L1", "L3"),
            ("C3", "ha-noi", Monday.AddDays(2), "L1", "L3"));

        var breakdown = Planner.Evaluate(ThreeCoursesNearHanoi(), plan, PlannerWeights.Default);

        Assert.Equal(3 * PlannerWeights.Default.HostSpread, breakdown.Cost(CycleConstraint.HostSpread));
        var match = Assert.Single(breakdown.Matches, m => m.Constraint == CycleConstraint.HostSpread);
        Assert.Contains("ha-noi", match.Entities);
        Assert.Contains("C3", match.Entities);
    }

    [Fact]
    public void The_planner_spreads_courses_over_hosts_and_settles_on_one_only_when_spread_is_weighted_zero()
    {
        var settings = new PlannerSettings { Seed = 3, MaxIterations = 40_000, TimeLimit = null };

        var spread = Planner.Plan(ThreeCoursesNearHanoi(), settings);
        var settled = Planner.Plan(ThreeCoursesNearHanoi(), settings with { Weights = PlannerWeights.Default with { HostSpread = 0 } });

        Assert.Equal(0, spread.Breakdown.Score.Hard);
        Assert.Equal(2, spread.Plan.Courses.GroupBy(c => c.HostProvince).Max(g => g.Count()));
        Assert.All(settled.Plan.Courses, c => Assert.Equal("ha-noi", c.HostProvince));
    }
}
