namespace OrleansTraining.Grains.Accounts;

/// <summary>
/// A PBKDF2 hash with everything needed to check a password against it later: the iteration count is stored per
/// hash so that raising it for new accounts leaves existing ones verifiable.
/// </summary>
public sealed record PasswordHash
{
    public string Algorithm { get; init; } = "PBKDF2-SHA512";

    public int Iterations { get; init; }

    public string Salt { get; init; } = "";

    public string Hash { get; init; } = "";
}
