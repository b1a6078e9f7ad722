namespace OrleansTraining.Planner.Tests.Itc2007;

/// <summary>The checker against costs worked out by hand for instances/tiny.ctt.</summary>
public sealed class Itc2007CheckerTests
{
    private static readonly string Tiny = Instances.Read("tiny.ctt");

    [Fact]
    public void A_perfect_timetable_has_no_violations_and_no_cost()
    {
        var result = Itc2007Checker.Check(Tiny, """
            A R2 0 0
            A R2 1 0
            B R1 0 1
            B R1 1 1
            C R1 0 2
            """);

        Assert.Equal(0, result.Violations);
        Assert.Equal(0, result.Cost);
    }

    [Fact]
    public void Soft_costs_match_the_hand_computed_values()
    {
        // A: 30 students in R1 (20) = 10; both lectures on day 0 = 1 day short x 5; rooms R1, R2 = 1.
        // B: rooms R1, R2 = 1. Q1 on day 0: A at periods 0 and 2, both isolated = 2 x 2.
        var result = Itc2007Checker.Check(Tiny, """
            A R1 0 0
            A R2 0 2
            B R1 1 0
            B R2 1 1
            C R2 1 2
            """);

        Assert.Equal(0, result.Violations);
        Assert.Equal(10, result.Soft["RoomCapacity"]);
        Assert.Equal(5, result.Soft["MinimumWorkingDays"]);
        Assert.Equal(4, result.Soft["CurriculumCompactness"]);
        Assert.Equal(2, result.Soft["RoomStability"]);
        Assert.Equal(21, result.Cost);
    }

    [Fact]
    public void Hard_violations_match_the_hand_computed_values()
    {
        // A twice in (R1, 0, 0): one extra lecture and one room clash; B has one lecture missing;
        // B at (0, 0) shares curriculum Q1 with both A lectures there: two conflicting pairs.
        var result = Itc2007Checker.Check(Tiny, """
            A R1 0 0
            A R1 0 0
            B R2 0 0
            C R2 0 1
            """);

        Assert.Equal(2, result.Hard["Lectures"]);
        Assert.Equal(1, result.Hard["RoomOccupancy"]);
        Assert.Equal(2, result.Hard["Conflicts"]);
        Assert.Equal(0, result.Hard["Availability"]);
    }

    [Fact]
    public void Unavailable_period_and_shared_teacher_are_violations()
    {
        // C is unavailable at day 0 period 0, and shares teacher t1 with A, which is also there.
        var result = Itc2007Checker.Check(Tiny, """
            A R2 0 0
            A R2 1 0
            B R1 0 1
            B R1 1 1
            C R1 0 0
            """);

        Assert.Equal(1, result.Hard["Availability"]);
        Assert.Equal(1, result.Hard["Conflicts"]);
        Assert.Equal(2, result.Violations);
    }
}
