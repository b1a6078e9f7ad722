using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OrleansTraining.Gateway.Pages.Account;

/// <summary>Where a signed-in account lands when it opens a page that is not its own: a 403, and nothing changed.</summary>
public sealed class DeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
