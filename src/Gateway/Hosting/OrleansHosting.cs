using OrleansTraining.Silo;
using Orleans.Dashboard;
using OrleansTraining.Silo.Observability;

namespace OrleansTraining.Gateway.Hosting;

/// <summary>
/// How the gateway reaches the grains: by default it hosts a silo in its own process (so one command runs everything);
/// with <c>Gateway:Mode = Client</c> it is a pure Orleans client of separately started silos.
/// </summary>
public static class OrleansHosting
{
    public const string ModeKey = "Gateway:Mode";

    public static WebApplicationBuilder AddOrleansHosting(this WebApplicationBuilder builder)
    {
        var mode = builder.Configuration[ModeKey] ?? "Silo";
        if (string.Equals(mode, "Client", StringComparison.OrdinalIgnoreCase))
        {
            builder.UseOrleansClient(client => client.AddTrainingClient(builder.Configuration).AddDashboard(SampleEveryFiveSeconds));
        }
        else if (string.Equals(mode, "Silo", StringComparison.OrdinalIgnoreCase))
        {
            builder.UseOrleans(silo => silo.AddTrainingSilo(builder.Configuration).AddDashboard(SampleEveryFiveSeconds));
        }
        else
        {
            throw new InvalidOperationException($"{ModeKey} '{mode}' is not known; use Silo (the default) or Client.");
        }

        builder.Services.AddTrainingHealthChecks();
        return builder;
    }

    /// <summary>
    /// The dashboard samples Orleans' counters every 5 s instead of every second: each sample walks the node's
    /// activations and directory cache, 2-3 % of a node's CPU under the load bench, for charts that need no finer steps.
    /// </summary>
    private static void SampleEveryFiveSeconds(DashboardOptions options) => options.CounterUpdateIntervalMs = 5000;
}
