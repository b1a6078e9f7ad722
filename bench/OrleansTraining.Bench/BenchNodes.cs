using OrleansTraining.Silo.Observability;

namespace OrleansTraining.Bench;

/// <summary>The benchmarks' gateway processes: the cluster tests' <see cref="GatewayNode"/> with the bench's settings.</summary>
internal static class BenchNodes
{
    public static GatewayNode Create(string name, string gateway, string connectionString, string clusterId, string signingKey, string password)
    {
        var settings = GatewayNode.LoopbackClusterSettings(connectionString, clusterId, signingKey, password);
        settings["Orleans:ResponseTimeout"] = "00:00:10";
        // The deployment's GC setting (README, "PostgreSQL and several nodes"), unless this shell chose another.
        if (Environment.GetEnvironmentVariable(GcBudgetCheck.Variable) is null)
        {
            settings[GcBudgetCheck.Variable] = GcBudgetCheck.Recommended;
        }

        // Output kept only when BENCH_NODE_LOGS names a folder; otherwise only the last lines, for a node that fails to start.
        var logFolder = Environment.GetEnvironmentVariable("BENCH_NODE_LOGS") is { Length: > 0 } folder ? folder : null;
        return new(name, gateway, settings, logFolder);
    }
}
