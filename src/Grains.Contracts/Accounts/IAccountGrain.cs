
namespace OrleansTraining.Grains.Accounts;

/// <summary>A built-in sign-in account, keyed by user name ("board", "province-HN", "lecturer-L01").</summary>
[Alias("ot.IAccountGrain")]
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>Opens the account; false (and nothing changed) when it already exists.</summary>
    Task<bool> OpenAsync(NewAccount account);

    /// <summary>The account when the password matches; null for a wrong password or an account that does not exist.</summary>
    Task<AccountView?> SignInAsync(string password);

    Task<bool> ExistsAsync();
}
