namespace OrleansTraining.Grains.Accounts;

/// <summary>
/// Too many wrong passwords in a short time: the account refuses every sign-in, right password or not, for
/// <see cref="RetryAfter"/> (the gateway answers 429 with Retry-After). Unknown user names lock the same way, so the
/// answer tells nothing of whether an account exists or whether the last password was right.
/// </summary>
[GenerateSerializer, Alias("ot.AccountLockedException")]
public sealed class AccountLockedException : Common.DomainException
{
    public AccountLockedException()
    {
    }

    public AccountLockedException(TimeSpan retryAfter)
        : base("Too many failed sign-ins: sign-in is locked for a while; try again later.")
    {
        RetryAfter = retryAfter;
    }

    [Id(0)]
    public TimeSpan RetryAfter { get; private set; }
}
