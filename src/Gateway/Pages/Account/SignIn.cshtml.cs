using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrleansTraining.Gateway.Pages.Support;
using OrleansTraining.Grains.Accounts;

namespace OrleansTraining.Gateway.Pages.Account;

/// <summary>Signs a built-in account in with a cookie; the account grain checks the password, as for a token.</summary>
public sealed class SignInModel(IGrainFactory grains) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public bool Failed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var account = string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password)
            ? null
            : await grains.GetGrain<IAccountGrain>(AccountKeys.ForUserName(UserName)).SignInAsync(Password);
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
