namespace OrleansTraining.Planner.Tests.Itc2007;

internal static class Instances
{
    public static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Itc2007", "instances", name));
}
