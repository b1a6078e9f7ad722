using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Orleans;

namespace OrleansTraining.Pages.Tests.Infrastructure;

/// <summary>
/// One gateway and one Chromium for all page tests: starting either is the slow part, and the tests keep apart by
/// using a cycle of their own and a browser context (cookies) of their own.
/// </summary>
public sealed class PagesFixture : IAsyncLifetime
{
    /// <summary>Generous: the machine running the suite may be small and busy; waits end as soon as the page is ready.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public PagesGateway Gateway { get; } = new();

    public IGrainFactory Grains => Gateway.Services.GetRequiredService<IGrainFactory>();

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        Gateway.StartServer(); // schema, demo seeding, then Kestrel listens
        Assertions.SetDefaultExpectTimeout((float)Patience.TotalMilliseconds);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Timeout = (float)Patience.TotalMilliseconds,
            // Root in a container has no user namespaces for Chromium's sandbox, and /dev/shm is often tiny.
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Gateway.DisposeAsync();
    }

    /// <summary>A fresh browser (no cookies) at phone or desktop width.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Gateway.Address.ToString(),
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            // An English-speaking browser: the pages must still open in Vietnamese until the language link is used.
            Locale = "en-US",
            TimezoneId = "Asia/Ho_Chi_Minh",
        });
        context.SetDefaultTimeout((float)Patience.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)Patience.TotalMilliseconds);
        return await context.NewPageAsync();
    }

    /// <summary>Debian's Chromium; nothing is downloaded. CHROMIUM_PATH overrides it.</summary>
    private static string ChromiumPath
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } custom ? custom : "/usr/bin/chromium";
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException($"No Chromium at {path}. ./test.sh installs Debian's 'chromium' package; or run: sudo apt-get install chromium");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PagesCollection : ICollectionFixture<PagesFixture>
{
    public const string Name = "pages";
}
