namespace OrleansTraining.Bench;

/// <summary>What the benchmarks that start real nodes share: the built gateway (free ports come from TestKit's FreePort).</summary>
internal static class Loopback
{
    /// <summary>The gateway this build references (set in the csproj), for commands that start gateway processes.</summary>
    public static string GatewayDll => GatewayBuild.AssemblyPath(typeof(Loopback).Assembly);
}
