using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using OrleansTraining.Gateway.Pages.Support;
using OrleansTraining.Gateway.Seeding;

namespace OrleansTraining.Gateway.Pages;

/// <summary>What the system is, and the way to each role's work.</summary>
public sealed class IndexModel(IOptions<DemoSettings> demo) : PageModel
{
    public string? WorkUrl { get; private set; }

    public bool DemoEnabled => demo.Value.Enabled;

    public void OnGet() => WorkUrl = User.Identity?.IsAuthenticated == true ? PageAuth.HomeOf(User) : null;
}
