using Microsoft.AspNetCore.Identity;
using Orleans.Storage;
using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.Accounts;

public sealed class AccountGrain(
    [PersistentState("account", GrainStorage.Name)] IPersistentState<AccountState> account,
    IPasswordHasher<AccountState> hasher) : Grain, IAccountGrain
{
    public async Task<bool> OpenAsync(NewAccount newAccount)
    {
        ArgumentException.ThrowIfNullOrEmpty(newAccount.Password);
        if (account.RecordExists)
        {
            return false;
        }

        var state = new AccountState
        {
            Role = newAccount.Role,
            ProvinceCode = newAccount.Role == AccountRole.Province ? newAccount.ProvinceCode : null,
            LecturerId = newAccount.Role == AccountRole.Lecturer ? newAccount.LecturerId : null,
        };
        account.State = state with { PasswordHash = hasher.HashPassword(state, newAccount.Password) };
        try
        {
            await account.WriteStateAsync();
            return true;
        }
        catch (InconsistentStateException)
        {
            // Another node opened it first: theirs stands.
            await account.ReadStateAsync();
            return false;
        }
    }

    public Task<AccountView?> SignInAsync(string password)
    {
        var state = account.State;
        if (!account.RecordExists || state.PasswordHash.Length == 0
            || hasher.VerifyHashedPassword(state, state.PasswordHash, password ?? "") == PasswordVerificationResult.Failed)
        {
            return Task.FromResult<AccountView?>(null);
        }

        return Task.FromResult<AccountView?>(new AccountView(this.GetPrimaryKeyString(), state.Role, state.ProvinceCode, state.LecturerId));
    }

    public Task<bool> ExistsAsync() => Task.FromResult(account.RecordExists);
}
