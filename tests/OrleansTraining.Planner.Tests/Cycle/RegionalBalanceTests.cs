using OrleansTraining.Planner.Cycle;
using static OrleansTraining.Planner.Tests.Cycle.TinyCycle;

namespace OrleansTraining.Planner.Tests.Cycle;

/// <summary>Regional balance: a national programme's hosts go round the regions, not only round the provinces of one.</summary>
public sealed class RegionalBalanceTests
{
    private static readonly CyclePlanner Planner = new();

    /// <summary>
    /// Three one-day courses whose trainees all come from Hà Nội; Hà Nội and Bắc Ninh are in the Red River Delta,
    /// Hồ Chí Minh City in the Southeast.
    /// </summary>
    private static CycleProblem ThreeCoursesFromHanoi()
    {
        var problem = Problem();
        return problem with
        {
            Provinces = [.. problem.Provinces.Select(p => p with { Region = p.Code == "ho-chi-minh" ? "Southeast" : "Red River Delta" })],
            Courses =
            [
                Course("C1", ["ha-noi", "bac-ninh", "ho-chi-minh"], "ha-noi"),
                Course("C2", ["ha-noi", "bac-ninh", "ho-chi-minh"], "ha-noi"),
                Course("C3", ["ha-noi", "bac-ninh", "ho-chi-minh"], "ha-noi"),
            ],
        };
    }

    [Fact]
    public void Each_pair_of_courses_in_one_region_costs_the_weight_and_names_the_region()
    {
        var plan = Plan(
            ("C1", "ha-noi", Monday, "L1", "L3"),
            ("C2", "bac-ninh", Monday.AddDays(1), "L1", "L3"),
            ("C3", "ho-chi-minh", Monday.AddDays(3), "L2", "L3"));

        var breakdown = Planner.Evaluate(ThreeCoursesFromHanoi(), plan, PlannerWeights.Default);

        Assert.Equal(PlannerWeights.Default.RegionalBalance, breakdown.Cost(CycleConstraint.RegionalBalance));
        var match = Assert.Single(breakdown.Matches, m => m.Constraint == CycleConstraint.RegionalBalance);
        Assert.Contains("Red River Delta", match.Description);
        Assert.Equal(["C1", "C2"], match.Entities.Order().ToArray());
    }

    [Fact]
    public void Provinces_without_a_region_never_cost()
    {
        var plan = Plan(("C1", "ha-noi", Monday, "L1", "L3"), ("C2", "ha-noi", Monday.AddDays(1), "L1", "L3"));

        var breakdown = Planner.Evaluate(Problem() with { Courses = [.. ThreeCoursesFromHanoi().Courses.Take(2)] }, plan, PlannerWeights.Default);

        Assert.Equal(0, breakdown.Cost(CycleConstraint.RegionalBalance));
    }

    [Fact]
    public void The_weight_sends_a_course_to_another_region_and_at_zero_travel_keeps_them_all_near_the_trainees()
    {
        var settings = new PlannerSettings { Seed = 5, MaxIterations = 40_000, TimeLimit = null };
        // Weighted strongly enough to outweigh the trainees' travel to Hồ Chí Minh City (20 trainees × ~17 × 100 km).
        var balanced = Planner.Plan(ThreeCoursesFromHanoi(), settings with { Weights = PlannerWeights.Default with { RegionalBalance = 1_000 } });
        var unbalanced = Planner.Plan(ThreeCoursesFromHanoi(), settings with { Weights = PlannerWeights.Default with { RegionalBalance = 0 } });

        Assert.Equal(0, balanced.Breakdown.Score.Hard);
        Assert.Contains(balanced.Plan.Courses, c => c.HostProvince == "ho-chi-minh");
        Assert.DoesNotContain(unbalanced.Plan.Courses, c => c.HostProvince == "ho-chi-minh");
        // The incremental score the search keeps agrees with a full evaluation of its plan.
        Assert.Equal(balanced.Breakdown.Score, Planner.Evaluate(ThreeCoursesFromHanoi(), balanced.Plan, PlannerWeights.Default with { RegionalBalance = 1_000 }).Score);
    }
}
