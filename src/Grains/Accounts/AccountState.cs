namespace OrleansTraining.Grains.Accounts;

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ot.AccountState")]
public sealed record AccountState
{
    public AccountRole Role { get; init; }

    public string? ProvinceCode { get; init; }

    public string? LecturerId { get; init; }

    /// <summary>ASP.NET Core Identity's hash (format v3: PBKDF2-HMAC-SHA512, salt and iteration count inside).</summary>
    public string PasswordHash { get; init; } = "";

    /// <summary>Recent failed sign-ins and the lockout they caused; null after a successful sign-in.</summary>
    public SignInLock? Lock { get; init; }
}
