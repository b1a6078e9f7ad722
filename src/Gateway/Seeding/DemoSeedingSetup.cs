using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansTraining.Grains.Demo;

namespace OrleansTraining.Gateway.Seeding;

public static class DemoSeedingSetup
{
    /// <summary>Register after the grain host: hosted services start in order, and seeding needs the host's schema.</summary>
    public static IServiceCollection AddDemoSeeding(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DemoSettings>().Bind(configuration.GetSection(DemoSettings.SectionName));
        services.TryAddSingleton<DemoDataSeeder>();
        services.AddHostedService<DemoSeedingService>();
        return services;
    }
}
