using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansTraining.Grains.Accounts;
using OrleansTraining.Grains.Demo;

namespace OrleansTraining.Grains;

/// <summary>The services the grains depend on, for every silo that hosts them.</summary>
public static class TrainingGrainsServices
{
    public static IServiceCollection AddTrainingGrains(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PasswordHashingOptions>().Bind(configuration.GetSection("Auth"));
        services.AddOptions<PasswordHasherOptions>()
            .Configure<Microsoft.Extensions.Options.IOptions<PasswordHashingOptions>>((hasher, hashing) =>
            {
                hasher.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
                hasher.IterationCount = Math.Max(1, hashing.Value.PasswordIterations);
            });
        services.AddOptions<Common.DeadlineOptions>().Bind(configuration.GetSection(Common.DeadlineOptions.SectionName));
        services.AddOptions<Common.LimitOptions>().Bind(configuration.GetSection(Common.LimitOptions.SectionName));
        services.AddOptions<Cycles.ReadModelOptions>().Bind(configuration.GetSection(Cycles.ReadModelOptions.SectionName));
        // The audit log itself (IAuditLog) is registered by the silo beside the grain storage, on the same database.
        services.AddOptions<Common.Audit.AuditLogOptions>().Bind(configuration.GetSection(Common.Audit.AuditLogOptions.SectionName));
        services.AddSingleton<IPasswordHasher<AccountState>, PasswordHasher<AccountState>>();
        services.AddSingleton<DemoDataSeeder>();
        services.AddOptions<Notifications.SmtpOptions>().Bind(configuration.GetSection(Notifications.SmtpOptions.SectionName));
        services.AddOptions<Notifications.NotificationOptions>().Bind(configuration.GetSection(Notifications.NotificationOptions.SectionName));
        services.TryAddSingleton<Notifications.IMailSender, Notifications.SmtpMailSender>();
        services.TryAddSingleton(TimeProvider.System);
        // Every grain call opens an audit scope (grain, method, clock) for the state changes it makes.
        services.AddSingleton<IIncomingGrainCallFilter, Common.Audit.AuditScopeFilter>();
        return services;
    }
}
