using Microsoft.AspNetCore.Identity;
using Orleans.Storage;
using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.Accounts;

public sealed class AccountGrain(
    [PersistentState("account", GrainStorage.Name)] IPersistentState<AccountState> account,
    IPasswordHasher<AccountState> hasher,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<LimitOptions> limits) : Grain, IAccountGrain
{
    /// <summary>
    /// Failed sign-ins under a name no account has: kept in memory only (nothing is written for names that do not exist),
    /// so that probing them locks like a real account and a lockout does not tell the names apart.
    /// </summary>
    private SignInLock? _unknownLock;

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

    public async Task<AccountView?> SignInAsync(string password)
    {
        var now = time.GetUtcNow();
        var state = account.State;
        var exists = account.RecordExists && state.PasswordHash.Length > 0;
        // A locked account is refused before the password is looked at, so the answer says nothing about it.
        if ((exists ? state.Lock : _unknownLock)?.LockedFor(now) is { } wait)
        {
            throw new AccountLockedException(wait);
        }

        if (!exists)
        {
            _unknownLock = (_unknownLock ?? new SignInLock()).Failed(now, limits.Value);
            return null;
        }

        if (hasher.VerifyHashedPassword(state, state.PasswordHash, password ?? "") == PasswordVerificationResult.Failed)
        {
            account.State = state with { Lock = (state.Lock ?? new SignInLock()).Failed(now, limits.Value) };
            await account.WriteStateAsync();
            return null;
        }

        if (state.Lock is not null)
        {
            account.State = state with { Lock = null };
            await account.WriteStateAsync();
        }

        return new AccountView(this.GetPrimaryKeyString(), state.Role, state.ProvinceCode, state.LecturerId);
    }

    public Task<bool> ExistsAsync() => Task.FromResult(account.RecordExists);
}
