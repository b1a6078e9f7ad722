using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using OrleansTraining.Gateway.Pages.Support;
using OrleansTraining.Grains.Accounts;

namespace OrleansTraining.Gateway.Pages.Account;

/// <summary>
/// Signs a built-in account in with a cookie; the account grain checks the password, as for a token. Attempts are
/// rate-limited per client address, and an account locked after failed sign-ins answers 429 with Retry-After.
/// </summary>
[EnableRateLimiting(Limits.RateLimits.SignIn)]
public sealed class SignInModel(IGrainFactory grains) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public bool Failed { get; private set; }

    /// <summary>Set while the account is locked: the whole minutes left.</summary>
    public int? LockedMinutes { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        AccountView? account;
        try
        {
            account = string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password)
                ? null
                : await grains.GetGrain<IAccountGrain>(AccountKeys.ForUserName(UserName)).SignInAsync(Password);
        }
        catch (AccountLockedException locked)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = Limits.RetryAfter.Seconds(locked.RetryAfter);
            LockedMinutes = (int)Math.Ceiling(locked.RetryAfter.TotalMinutes);
            return Page();
        }

        if (account is null)
        {
            // One answer for an unknown name and a wrong password, so names cannot be probed.
            Failed = true;
            return Page();
        }

        await PageAuth.SignInAsync(HttpContext, account);
        return Url.IsLocalUrl(ReturnUrl) && ReturnUrl != "/" ? LocalRedirect(ReturnUrl) : LocalRedirect(PageAuth.HomeOfAccount(account));
    }
}
