using OrleansTraining.Planner.Cycle;
using static OrleansTraining.Planner.Tests.Cycle.TinyCycle;

namespace OrleansTraining.Planner.Tests.Cycle;

public sealed class ValidationTests
{
    [Fact]
    public void Data_errors_are_all_listed_and_planning_refuses_them()
    {
        var problem = Problem() with
        {
            Lecturers = [Lecturer("L1", "A", 5, "T9"), Lecturer("L1", "A", 5, "T1")],
            Courses = [Course("C1", ["ha-noi"], "nowhere") with { Days = 0 }],
        };

        var errors = CycleProblemValidator.Errors(problem);

        Assert.Contains(errors, e => e.Contains("Duplicate lecturer id L1", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("unknown topic T9", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("unknown province nowhere", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("do not fit", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => new CyclePlanner().Plan(problem, new PlannerSettings { MaxIterations = 10 }));
    }

    [Fact]
    public void Generated_cycles_are_valid()
    {
        Assert.Empty(CycleProblemValidator.Errors(NationalCycle.Problem));
        Assert.Empty(CycleProblemValidator.Errors(Problem()));
    }
}
