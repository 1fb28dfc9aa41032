using NewsDigest.Browser.Tests.Infrastructure;
using NewsDigest.Tests.Shared;
using static NewsDigest.Browser.Tests.Infrastructure.Corpus;

namespace NewsDigest.Browser.Tests;

/// <summary>The footer's language and theme links: plain links that set a cookie and come back.</summary>
[Collection(PortalCollection.Name)]
public sealed class PreferencesTests(PortalFixture portal)
{
    [FactNeeding(Tool.Chromium)]
    public async Task Switching_to_english_changes_the_ui_text_and_survives_a_reload()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(PageTypes.Paths["filtered"]);
        Assert.Equal("zh-Hans", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("最新", await page.TextOfAsync(".site-nav a[href='/']"));

        await page.Locator(".prefs a[lang=en]").ClickAsync();

        // Back where the reader was, filters kept.
        await page.WaitForPathAsync($"/?industry={Education}&tech={LargeModels}");
        await AssertEnglish(page);
        await page.ReloadAsync();
        await AssertEnglish(page);

        await page.Locator(".prefs a[lang=zh-Hans]").ClickAsync();
        await page.WaitForPathAsync($"/?industry={Education}&tech={LargeModels}");
        Assert.Equal("zh-Hans", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("3 篇匹配的文章", await page.TextOfAsync(".result-count"));
    }

    private static async Task AssertEnglish(Microsoft.Playwright.IPage page)
    {
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Latest", await page.TextOfAsync(".site-nav a[href='/']"));
        Assert.Equal("3 matching articles", await page.TextOfAsync(".result-count"));
        Assert.Equal("true", await page.Locator(".prefs a[lang=en]").GetAttributeAsync("aria-current"));
    }

    [FactNeeding(Tool.Chromium)]
    public async Task Switching_to_dark_recolours_the_page_and_survives_a_reload()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(SeedPath);
        Assert.Equal("auto", await page.Locator("html").GetAttributeAsync("data-theme"));
        var light = await BackgroundAsync(page);

        await page.Locator(".prefs a[href^='/settings/theme?value=dark']").ClickAsync();

        await page.WaitForPathAsync(SeedPath);
        await AssertDark(page, light);
        await page.ReloadAsync();
        await AssertDark(page, light);

        await page.Locator(".prefs a[href^='/settings/theme?value=light']").ClickAsync();
        await page.WaitForPathAsync(SeedPath);
        Assert.Equal("light", await page.Locator("html").GetAttributeAsync("data-theme"));
        Assert.Equal(light, await BackgroundAsync(page));
    }

    private static async Task AssertDark(Microsoft.Playwright.IPage page, string light)
    {
        Assert.Equal("dark", await page.Locator("html").GetAttributeAsync("data-theme"));
        Assert.Equal("rgb(18, 19, 22)", await BackgroundAsync(page));
        Assert.NotEqual(light, await BackgroundAsync(page));
        Assert.Equal("true", await page.Locator(".prefs a[href^='/settings/theme?value=dark']").GetAttributeAsync("aria-current"));
    }

    private static Task<string> BackgroundAsync(Microsoft.Playwright.IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
}
