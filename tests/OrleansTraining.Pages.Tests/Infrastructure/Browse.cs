using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace OrleansTraining.Pages.Tests.Infrastructure;

/// <summary>What a person does in the browser, as steps tests share.</summary>
public static partial class Browse
{
    /// <summary>Screenshots are test output: bin/&lt;configuration&gt;/net10.0/TestResults/screenshots/&lt;name&gt;.png.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    /// <summary>Signs in through the sign-in page (Vietnamese labels unless the page was switched to English).</summary>
    public static async Task SignInAsync(IPage page, string userName, bool english = false)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel(english ? "User name" : "Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel(english ? "Password" : "Mật khẩu").FillAsync(PagesGateway.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = english ? "Sign in" : "Đăng nhập", Exact = true }).ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(SignInUrl());
    }

    /// <summary>Follows the language link in the header, as a person would.</summary>
    public static async Task SwitchToEnglishAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }

    /// <summary>
    /// The main pages' screenshots the README and the guides show (docs/screenshots/&lt;name&gt;.png). They are written
    /// there only when OT_SCREENSHOTS_DIR names the folder (scripts/screenshots.sh), so CI never rewrites them.
    /// </summary>
    public static readonly IReadOnlySet<string> Published = new HashSet<string>(StringComparer.Ordinal)
    {
        "board-cycles-vi", "board-cycle-vi", "board-plan-compare-vi", "board-report-vi", "board-field-trip-vi", "board-trainee-links-vi",
        "province-requests-vi-phone", "province-confirm-invalid-vi-phone", "province-nominations-vi-phone", "province-trainee-links-vi-phone",
        "lecturer-offers-vi", "lecturer-calendar-feed-vi", "trainee-materials-vi", "evaluation-form-vi", "attendance-saved-vi",
    };

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = true });
        if (Environment.GetEnvironmentVariable("OT_SCREENSHOTS_DIR") is { Length: > 0 } docs && Published.Contains(name))
        {
            // On a desktop what a person sees first (the viewport), a phone's narrow page whole: small files that read well in a README.
            Directory.CreateDirectory(docs);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(docs, $"{name}.png"), FullPage = page.ViewportSize is { Width: < 500 } });
        }
    }

    /// <summary>Every rule, but only violations collected: axe then skips the node-by-node detail of what passed.</summary>
    private static readonly AxeRunOptions ViolationsOnly = new() { ResultTypes = [ResultType.Violations] };

    /// <summary>axe-core finds nothing serious or critical on the page as it stands.</summary>
    /// <remarks>
    /// Axe's legacy run (deprecated, not removed in the pinned version): the default opens a blank page for every check to
    /// gather results across cross-origin frames, which our pages never have (the CSP allows no frames). That blank page
    /// was 2.5 of each check's 4 s here, over 40 checks: the slowest part of the page tests.
    /// </remarks>
    public static async Task AssertAccessibleAsync(IPage page)
    {
#pragma warning disable CS0618 // RunAxeLegacy is marked obsolete: see the remarks.
        var result = await page.Locator("html").RunAxeLegacy(ViolationsOnly);
#pragma warning restore CS0618
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(
            serious.Count == 0,
            $"axe on {page.Url}: " + string.Join("; ", serious.Select(v =>
                $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }

    [GeneratedRegex("/sign-in")]
    public static partial Regex SignInUrl();

    [GeneratedRegex("/denied")]
    public static partial Regex DeniedUrl();
}
