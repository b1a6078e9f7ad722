using OrleansTraining.Gateway.Tests.Infrastructure;
using OrleansTraining.TestKit;

namespace OrleansTraining.Gateway.Tests.Limits;

/// <summary>The demo gateway with small limits, so a test reaches each of them in a few requests.</summary>
public sealed class LimitedGatewayFixture() : GatewayFixture(StorageKind.Sqlite, settings: Settings)
{
    public const int BodyBytes = 4096;
    public const int SignInPermits = 3;
    public const int PlanningPermits = 2;
    public const int AccountPermits = 25;
    public const int FailuresBeforeLockout = 3;
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(10);

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Limits:MaxRequestBodyBytes"] = $"{BodyBytes}",
        ["Limits:SignInPermits"] = $"{SignInPermits}",
        ["Limits:SignInWindow"] = "00:05:00",
        ["Limits:PlanningPermits"] = $"{PlanningPermits}",
        ["Limits:PlanningWindow"] = "00:05:00",
        ["Limits:AccountPermits"] = $"{AccountPermits}",
        ["Limits:AccountWindow"] = "00:05:00",
        ["Limits:SignInFailuresBeforeLockout"] = $"{FailuresBeforeLockout}",
        ["Limits:LockoutDuration"] = "00:10:00",
    };
}

/// <summary>The demo gateway whose planner takes at most three courses.</summary>
public sealed class SmallPlannerGatewayFixture() : GatewayFixture(StorageKind.Sqlite, settings: new Dictionary<string, string?> { ["Limits:PlannerMaxCourses"] = "3" });
