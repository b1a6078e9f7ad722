namespace OrleansTraining.Grains.Accounts;

/// <summary>What it takes to open an account; the password is hashed by the account grain and never stored.</summary>
public sealed record NewAccount(AccountRole Role, string? ProvinceCode, string? LecturerId, string Password);
