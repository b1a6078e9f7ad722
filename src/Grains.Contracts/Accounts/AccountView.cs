namespace OrleansTraining.Grains.Accounts;

/// <summary>
/// Who an account is, without its secret. <paramref name="ProvinceCode"/> is set only for province accounts and
/// <paramref name="LecturerId"/> only for lecturer accounts: the binding that limits what the account may touch.
/// </summary>
[GenerateSerializer, Immutable, Alias("ot.AccountView")]
public sealed record AccountView(string UserName, AccountRole Role, string? ProvinceCode, string? LecturerId);
