namespace OrleansTraining.Bench;

/// <summary>The benchmarks' gateway processes: the cluster tests' <see cref="GatewayNode"/> with the bench's settings.</summary>
internal static class BenchNodes
{
    public static GatewayNode Create(string name, string gateway, string connectionString, string clusterId, string signingKey, string password) =>
        new(name, gateway, new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = connectionString,
            ["Orleans:ClusterId"] = clusterId,
            ["Orleans:ResponseTimeout"] = "00:00:10",
            ["Demo:Enabled"] = "true",
            ["Demo:Password"] = password,
            ["Auth:SigningKey"] = signingKey,
            ["Auth:PasswordIterations"] = "1000",
            // The load comes from one address and one account: the rate limiters would measure themselves.
            ["Limits:SignInPermits"] = "0",
            ["Limits:PlanningPermits"] = "0",
            ["Limits:AccountPermits"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
        },
        // Kept only when BENCH_NODE_LOGS names a folder; otherwise only the last lines, for a node that fails to start.
        Environment.GetEnvironmentVariable("BENCH_NODE_LOGS") is { Length: > 0 } folder ? folder : null);
}
