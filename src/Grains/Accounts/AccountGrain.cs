using OrleansTraining.Silo;

namespace OrleansTraining.Grains.Accounts;

public sealed class AccountGrain(
    [PersistentState("account")] IPersistentState<AccountState> account,
    PasswordHasher hasher) : Grain, IAccountGrain
{
    public async Task<bool> OpenAsync(NewAccount newAccount)
    {
        ArgumentException.ThrowIfNullOrEmpty(newAccount.Password);
        if (account.RecordExists)
        {
            return false;
        }

        account.State = new AccountState
        {
            Role = newAccount.Role,
            ProvinceCode = newAccount.Role == AccountRole.Province ? newAccount.ProvinceCode : null,
            LecturerId = newAccount.Role == AccountRole.Lecturer ? newAccount.LecturerId : null,
            Password = hasher.Hash(newAccount.Password),
        };
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
        if (!account.RecordExists || !PasswordHasher.Verify(account.State.Password, password))
        {
            return Task.FromResult<AccountView?>(null);
        }

        var state = account.State;
        return Task.FromResult<AccountView?>(new AccountView(GetPrimaryKeyString(), state.Role, state.ProvinceCode, state.LecturerId));
    }

    public Task<bool> ExistsAsync() => Task.FromResult(account.RecordExists);
}
