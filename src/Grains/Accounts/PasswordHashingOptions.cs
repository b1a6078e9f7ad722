namespace OrleansTraining.Grains.Accounts;

/// <summary>How hard new password hashes are to compute (configuration section "Auth").</summary>
public sealed class PasswordHashingOptions
{
    /// <summary>The ASP.NET Core Identity default for PBKDF2-HMAC-SHA512; tests lower it to keep seeding quick.</summary>
    public int PasswordIterations { get; set; } = 100_000;
}
