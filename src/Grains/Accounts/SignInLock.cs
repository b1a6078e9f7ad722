using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.Accounts;

/// <summary>
/// Failed sign-ins of one account counted in a window; reaching the limit locks the account until a time. A fixed
/// window (from the first failure) is enough here: it bounds guesses to the limit per window and per lockout.
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ot.SignInLock")]
public sealed record SignInLock
{
    public int Failures { get; init; }

    public DateTimeOffset WindowStart { get; init; }

    public DateTimeOffset? LockedUntil { get; init; }

    /// <summary>How long the account stays locked from <paramref name="now"/>; null when it is not locked.</summary>
    public TimeSpan? LockedFor(DateTimeOffset now) => LockedUntil is { } until && until > now ? until - now : null;

    /// <summary>The lock after one more wrong password at <paramref name="now"/>.</summary>
    public SignInLock Failed(DateTimeOffset now, LimitOptions limits)
    {
        var fresh = LockedUntil is not null || now - WindowStart > limits.SignInFailureWindow;
        var failures = (fresh ? 0 : Failures) + 1;
        return failures >= Math.Max(1, limits.SignInFailuresBeforeLockout)
            ? new SignInLock { WindowStart = now, LockedUntil = now + limits.LockoutDuration }
            : new SignInLock { Failures = failures, WindowStart = fresh ? now : WindowStart };
    }
}
