namespace OrleansTraining.Grains.Common;

/// <summary>
/// The limits the grains enforce (configuration section "Limits"; the gateway reads its own HTTP limits from the same
/// section): account lockout after failed sign-ins, the largest problem the planner takes, how long an idempotency key
/// is remembered.
/// </summary>
public sealed class LimitOptions
{
    public const string SectionName = "Limits";

    /// <summary>This many wrong passwords within <see cref="SignInFailureWindow"/> lock the account.</summary>
    public int SignInFailuresBeforeLockout { get; set; } = 5;

    public TimeSpan SignInFailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a locked account refuses every sign-in, right password or not.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The planner refuses a cycle with more courses than this (its search grows with the problem).</summary>
    public int PlannerMaxCourses { get; set; } = 300;

    /// <summary>The planner refuses a cycle with more half-day sessions than this, all courses together.</summary>
    public int PlannerMaxSessions { get; set; } = 6_000;

    /// <summary>How long the answer to a request with an Idempotency-Key is kept and replayed.</summary>
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A key claimed this long ago and never completed (its node died mid-request) may be claimed again.</summary>
    public TimeSpan IdempotencyClaimTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
