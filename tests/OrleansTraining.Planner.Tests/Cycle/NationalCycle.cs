using OrleansTraining.Planner.Cycle;
using OrleansTraining.Planner.Cycle.Samples;

namespace OrleansTraining.Planner.Tests.Cycle;

/// <summary>One planned national-scale cycle shared by the tests that only read it (planning it takes a moment).</summary>
internal static class NationalCycle
{
    public static readonly CycleProblem Problem = CycleInstanceGenerator.Generate(scale: 1, seed: 1);

    public static readonly PlannerSettings Settings = new() { Seed = 5, MaxIterations = 300_000, TimeLimit = null };

    private static readonly Lazy<PlanResult> _planned = new(() => new CyclePlanner().Plan(Problem, Settings));

    public static PlanResult Planned => _planned.Value;
}
