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
            builder.UseOrleansClient(client => client.AddTrainingClient(builder.Configuration).AddDashboard());
        }
        else if (string.Equals(mode, "Silo", StringComparison.OrdinalIgnoreCase))
        {
            builder.UseOrleans(silo => silo.AddTrainingSilo(builder.Configuration).AddDashboard());
        }
        else
        {
            throw new InvalidOperationException($"{ModeKey} '{mode}' is not known; use Silo (the default) or Client.");
        }

        builder.Services.AddTrainingHealthChecks();
        return builder;
    }
}
