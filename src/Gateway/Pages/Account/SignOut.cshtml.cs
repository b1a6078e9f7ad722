using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrleansTraining.Gateway.Pages.Support;

namespace OrleansTraining.Gateway.Pages.Account;

/// <summary>Signing out is a POST with an antiforgery token, so no link on another site can sign anyone out.</summary>
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await PageAuth.SignOutAsync(HttpContext);
        return LocalRedirect("/");
    }
}
