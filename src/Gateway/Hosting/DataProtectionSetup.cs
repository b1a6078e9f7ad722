using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace OrleansTraining.Gateway.Hosting;

/// <summary>One key ring and one application name for every node, so a page session survives a hop to another node.</summary>
public static class DataProtectionSetup
{
    /// <summary>Without a shared name each node would isolate its cookies by its own content-root path.</summary>
    public const string ApplicationName = "OrleansTraining";

    public static IServiceCollection AddClusterDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceProvider>((options, provider) => options.XmlRepository = new GrainKeyRepository(provider));
        return services;
    }
}
