using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace OrleansTraining.Bench;

/// <summary>What the benchmarks that start real nodes share: free loopback ports and the built gateway.</summary>
internal static class Loopback
{
    /// <summary>The gateway this build references (set in the csproj), for commands that start gateway processes.</summary>
    public static string GatewayDll =>
        typeof(Loopback).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "GatewayAssemblyPath").Value!;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
