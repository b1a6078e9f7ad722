using OrleansTraining.Silo.Observability;

namespace OrleansTraining.Silo.Tests;

/// <summary>When a node says at start-up that its GC runs with the default gen0 budget.</summary>
public sealed class GcBudgetCheckTests
{
    private static Func<string, string?> With(params (string Name, string Value)[] set) =>
        name => set.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void A_production_node_without_the_setting_is_warned() =>
        Assert.True(GcBudgetCheck.ShouldWarn(isProduction: true, isServerGc: false, With()));

    [Theory]
    [InlineData("DOTNET_GCgen0size")]
    [InlineData("COMPlus_GCgen0size")]
    public void Either_spelling_of_the_setting_is_enough(string name) =>
        Assert.False(GcBudgetCheck.ShouldWarn(isProduction: true, isServerGc: false, With((name, "0x4000000"))));

    [Fact]
    public void Development_testing_and_server_GC_are_left_alone()
    {
        Assert.False(GcBudgetCheck.ShouldWarn(isProduction: false, isServerGc: false, With()));
        Assert.False(GcBudgetCheck.ShouldWarn(isProduction: true, isServerGc: true, With()));
    }
}
