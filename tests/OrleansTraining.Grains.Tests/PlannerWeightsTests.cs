using Engine = OrleansTraining.Planner.Cycle;

namespace OrleansTraining.Grains.Tests;

public sealed class PlannerWeightsTests
{
    [Fact]
    public void The_contracts_weights_are_the_engines_weights_with_the_same_defaults()
    {
        var contract = typeof(Cycles.PlannerWeights).GetProperties().ToDictionary(p => p.Name, p => p.GetValue(new Cycles.PlannerWeights()));
        var engine = typeof(Engine.PlannerWeights).GetProperties().ToDictionary(p => p.Name, p => p.GetValue(Engine.PlannerWeights.Default));

        Assert.Equal(engine.OrderBy(p => p.Key), contract.OrderBy(p => p.Key));
    }
}
