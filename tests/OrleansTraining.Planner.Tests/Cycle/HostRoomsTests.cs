using OrleansTraining.Planner.Cycle;
using static OrleansTraining.Planner.Tests.Cycle.TinyCycle;

namespace OrleansTraining.Planner.Tests.Cycle;

/// <summary>A province with several rooms runs as many courses on the same day; one more is double booking.</summary>
public sealed class HostRoomsTests
{
    private static readonly CyclePlanner Planner = new();

    /// <summary>Two courses that can only be held in Hà Nội, on a cycle of one day, with lecturers enough for both.</summary>
    private static CycleProblem OneDayInHanoi(int rooms) => Problem() with
    {
        Cycle = new PlanningCycle(Monday, Monday, []),
        Provinces = [Province("ha-noi", 21.028, 105.854, 50) with { Rooms = rooms }],
        Lecturers = [Lecturer("L1", "A", 10, "T1"), Lecturer("L2", "B", 10, "T1", "T2"), Lecturer("L3", "B", 10, "T2"), Lecturer("L4", "B", 10, "T2")],
        Courses = [Course("C1", ["ha-noi"], "ha-noi"), Course("C2", ["ha-noi"], "ha-noi")],
    };

    private static CyclePlan BothOnMonday() => new(
        [new CoursePlacement("C1", "ha-noi", Monday, Monday), new CoursePlacement("C2", "ha-noi", Monday, Monday)],
        [
            new SessionAssignment("C1/0", "C1", "T1", Monday, HalfDay.Morning, "ha-noi", "L1"),
            new SessionAssignment("C1/1", "C1", "T2", Monday, HalfDay.Afternoon, "ha-noi", "L3"),
            new SessionAssignment("C2/0", "C2", "T1", Monday, HalfDay.Morning, "ha-noi", "L2"),
            new SessionAssignment("C2/1", "C2", "T2", Monday, HalfDay.Afternoon, "ha-noi", "L4"),
        ],
        default);

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 0)]
    [InlineData(3, 0)]
    public void Courses_beyond_the_rooms_on_one_day_are_double_booking(int rooms, long violations)
    {
        var breakdown = Planner.Evaluate(OneDayInHanoi(rooms), BothOnMonday(), PlannerWeights.Default);

        Assert.Equal(violations, breakdown.Cost(CycleConstraint.HostDoubleBooked));
    }

    [Fact]
    public void The_search_uses_a_second_room_and_finds_no_plan_with_one()
    {
        var settings = new PlannerSettings { Seed = 3, MaxIterations = 5_000, TimeLimit = null };

        var oneRoom = Planner.Plan(OneDayInHanoi(1), settings);
        var twoRooms = Planner.Plan(OneDayInHanoi(2), settings);

        Assert.True(oneRoom.Breakdown.Cost(CycleConstraint.HostDoubleBooked) > 0);
        Assert.Equal(0, twoRooms.Breakdown.Score.Hard);
        Assert.All(twoRooms.Plan.Courses, c => Assert.Equal(("ha-noi", Monday), (c.HostProvince, c.Start)));
    }
}
