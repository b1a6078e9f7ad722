using Microsoft.Extensions.Hosting;
using OrleansTraining.Silo.Observability;

namespace OrleansTraining.Silo;

/// <summary>The standalone silo: the cluster without the HTTP gateway.</summary>
public static class SiloProgram
{
    public static async Task Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.AddObservability("orleans-training-silo");
        builder.UseOrleans(silo => silo.AddTrainingSilo(builder.Configuration));
        using var host = builder.Build();
        await host.RunAsync().ConfigureAwait(false);
    }
}
