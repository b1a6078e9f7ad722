using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrleansTraining.Gateway.Pages.Support;

namespace OrleansTraining.Gateway.Pages;

/// <summary>A plain link switches the language: it only sets the language cookie and goes back.</summary>
public sealed class LanguageModel : PageModel
{
    public IActionResult OnGet(string? culture, string? returnUrl)
    {
        if (PageCultures.CookieValue(culture) is { } value)
        {
            Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                value,
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
