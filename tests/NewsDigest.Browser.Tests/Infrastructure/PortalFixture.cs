using Microsoft.Playwright;
using NewsDigest.Tests.Shared;

namespace NewsDigest.Browser.Tests.Infrastructure;

/// <summary>The portal on Kestrel plus Debian's headless Chromium driven by Playwright.
/// Playwright's own browser download is never used: it cannot work here.</summary>
public sealed class PortalFixture : IAsyncLifetime
{
    /// <summary>No sandbox (CI runs as root in a container), no GPU, and nothing that phones home
    /// or updates itself mid-run.</summary>
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? _playwright;

    public PortalServer Server { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Reached without Chromium only where it is required (CI): fail with what to install.
        if (!File.Exists(Tools.ChromiumPath))
        {
            throw new InvalidOperationException($"{Tools.ChromiumPath} is missing: run `apt-get install chromium fonts-noto-cjk` (.ci/run does).");
        }

        // Web-first assertions wait 5 s by default; a CI machine busy with other builds needs more.
        Assertions.SetDefaultExpectTimeout(15_000);
        await Server.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Tools.ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>
    /// A fresh browser context (own cookies and storage) on the portal. Locale zh-CN: the readers
    /// the portal is written for; headless Chromium would otherwise ask for English. A theme sets
    /// the same cookie the footer's theme links set.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(Viewport? viewport = null, string? theme = null, bool javaScript = true)
    {
        viewport ??= Viewport.Desktop;
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = viewport.Width, Height = viewport.Height },
            Locale = "zh-CN",
            JavaScriptEnabled = javaScript,
            ReducedMotion = ReducedMotion.Reduce,
        });
        if (theme is not null)
        {
            await context.AddCookiesAsync([new Cookie { Name = "theme", Value = theme, Url = Server.BaseAddress.ToString() }]);
        }

        return context;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        Server.Dispose();
    }
}
