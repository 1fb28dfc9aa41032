using Microsoft.Playwright;

namespace NewsDigest.Browser.Tests.Infrastructure;

/// <summary>Full-page screenshots for a reviewer to look at, under the test output
/// (bin/.../screenshots/{page}-{width}-{theme}.png). Build output is never committed.</summary>
public static class Screenshots
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task<string> SaveAsync(IPage page, string pageName, Viewport viewport, string theme)
    {
        var path = Path.Combine(Folder, $"{pageName}-{viewport.Width}-{theme}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });
        return path;
    }
}
