using System.Reflection;

namespace OrleansTraining.TestKit;

/// <summary>Where the gateway a project starts as processes was built: its csproj names it in an assembly attribute.</summary>
public static class GatewayBuild
{
    /// <summary>The <c>GatewayAssemblyPath</c> metadata of <paramref name="project"/> (set in its csproj, which builds the gateway first).</summary>
    public static string AssemblyPath(Assembly project) =>
        project.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "GatewayAssemblyPath").Value!;
}
