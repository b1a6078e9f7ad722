namespace OrleansTraining.Bench;

/// <summary>The benchmarks' gateway processes: the cluster tests' <see cref="GatewayNode"/> with the bench's settings.</summary>
internal static class BenchNodes
{
    private const string GcGen0Size = "DOTNET_GCgen0size";

    public static GatewayNode Create(string name, string gateway, string connectionString, string clusterId, string signingKey, string password)
    {
        var settings = GatewayNode.LoopbackClusterSettings(connectionString, clusterId, signingKey, password);
        settings["Orleans:ResponseTimeout"] = "00:00:10";
        // The deployment's GC setting (README, "PostgreSQL and several nodes"), unless this shell chose another.
        if (Environment.GetEnvironmentVariable(GcGen0Size) is null)
        {
            settings[GcGen0Size] = "0x4000000";
        }

        // Output kept only when BENCH_NODE_LOGS names a folder; otherwise only the last lines, for a node that fails to start.
        var logFolder = Environment.GetEnvironmentVariable("BENCH_NODE_LOGS") is { Length: > 0 } folder ? folder : null;
        return new(name, gateway, settings, logFolder);
    }
}
