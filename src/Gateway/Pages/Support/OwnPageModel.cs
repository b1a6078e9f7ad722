using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OrleansTraining.Gateway.Pages.Support;

/// <summary>
/// A page about one province or lecturer named in its route: only that account may open it or post to it. The check
/// runs before any handler, so another account's request changes nothing and lands on the 403 page.
/// </summary>
public abstract class OwnPageModel(string routeParameter, Func<ClaimsPrincipal, string, bool> owns) : PageModel
{
    protected string RouteKey => RouteData.Values[routeParameter]?.ToString() ?? "";

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!owns(User, RouteKey))
        {
            context.Result = new ForbidResult(PageAuth.Scheme);
            return;
        }

        await next();
    }
}
