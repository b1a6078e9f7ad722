namespace OrleansTraining.Grains.Accounts;

/// <summary>What it takes to open an account; the password is hashed by the account grain and never stored.</summary>
[GenerateSerializer, Immutable, Alias("ot.NewAccount")]
public sealed record NewAccount(AccountRole Role, string? ProvinceCode, string? LecturerId, string Password);
