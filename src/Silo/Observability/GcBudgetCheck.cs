using System.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrleansTraining.Silo.Observability;

/// <summary>
/// Says at start-up when a production node runs with the runtime's default gen0 budget: only the environment can set it
/// (<c>DOTNET_GCgen0size</c>), so a service unit that leaves it out costs the node about a third of its capacity under
/// load, and nothing else would tell the operator (README, "Load").
/// </summary>
public sealed partial class GcBudgetCheck(IHostEnvironment environment, ILogger<GcBudgetCheck> logger) : IHostedService
{
    /// <summary>The environment variable the runtime reads the gen0 budget from (no runtimeconfig property does it).</summary>
    public const string Variable = "DOTNET_GCgen0size";

    /// <summary>64 MB: the budget the load figures were measured with (the launch profile and the load bench use it too).</summary>
    public const string Recommended = "0x4000000";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (ShouldWarn(environment.IsProduction(), GCSettings.IsServerGC, Environment.GetEnvironmentVariable))
        {
            LogDefaultBudget(logger, Variable, Recommended);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Production, workstation GC (the nodes' setting), and neither spelling of the variable set.</summary>
    internal static bool ShouldWarn(bool isProduction, bool isServerGc, Func<string, string?> variable) =>
        isProduction && !isServerGc
        && string.IsNullOrWhiteSpace(variable(Variable))
        && string.IsNullOrWhiteSpace(variable("COMPlus_GCgen0size"));

    [LoggerMessage(Level = LogLevel.Warning, Message = "The GC runs with the runtime's default gen0 budget (a few MB): under load this node collects hundreds of times a second. Set {Variable}={Recommended} in its environment (README, Load)")]
    private static partial void LogDefaultBudget(ILogger logger, string variable, string recommended);
}
