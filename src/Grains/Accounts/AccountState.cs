namespace OrleansTraining.Grains.Accounts;

public sealed record AccountState
{
    public AccountRole Role { get; init; }

    public string? ProvinceCode { get; init; }

    public string? LecturerId { get; init; }

    public PasswordHash Password { get; init; } = new();
}
