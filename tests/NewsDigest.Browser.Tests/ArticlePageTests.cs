using Microsoft.Playwright;
using NewsDigest.Browser.Tests.Infrastructure;
using NewsDigest.Tests.Shared;
using static Microsoft.Playwright.Assertions;
using static NewsDigest.Browser.Tests.Infrastructure.Corpus;

namespace NewsDigest.Browser.Tests;

/// <summary>The article page's script: copy link and per-point links.</summary>
[Collection(PortalCollection.Name)]
public sealed class ArticlePageTests(PortalFixture portal)
{
    private async Task<IPage> OpenWithClipboard(IBrowserContext context)
    {
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new BrowserContextGrantPermissionsOptions { Origin = portal.Server.BaseAddress.GetLeftPart(UriPartial.Authority) });
        var page = await context.NewPageAsync();
        await page.GotoAsync(SeedPath);
        return page;
    }

    private static Task<string> ClipboardAsync(IPage page) => page.EvaluateAsync<string>("() => navigator.clipboard.readText()");

    [FactNeeding(Tool.Chromium)]
    public async Task Copy_link_puts_the_canonical_url_on_the_clipboard()
    {
        await using var context = await portal.NewContextAsync();
        var page = await OpenWithClipboard(context);
        var button = page.Locator("button.copy-link");

        await Expect(button).ToBeVisibleAsync();
        await button.ClickAsync();

        await Expect(button).ToHaveTextAsync("链接已复制");
        Assert.Equal(portal.Server.Url(SeedPath), await ClipboardAsync(page));
    }

    [FactNeeding(Tool.Chromium)]
    public async Task A_point_link_scrolls_to_marks_and_copies_that_point()
    {
        await using var context = await portal.NewContextAsync(Viewport.Phone);
        var page = await OpenWithClipboard(context);
        var point = page.Locator("li#event-3");
        await Expect(point).Not.ToBeInViewportAsync();

        await page.Locator("a.event-link[href='#event-3']").ClickAsync();

        await page.WaitForPathAsync(SeedPath);
        Assert.EndsWith("#event-3", page.Url);
        await Expect(point).ToHaveClassAsync("is-marked");
        await Expect(point).ToBeInViewportAsync();
        Assert.True(await point.EvaluateAsync<bool>("li => li.matches(':target')"));
        Assert.Equal(1, await page.Locator("li.is-marked").CountAsync());
        Assert.Equal(portal.Server.Url(SeedPath) + "#event-3", await ClipboardAsync(page));
    }

    [FactNeeding(Tool.Chromium)]
    public async Task A_shared_point_link_opens_at_that_point_marked()
    {
        await using var context = await portal.NewContextAsync(Viewport.Phone);
        var page = await context.NewPageAsync();

        await page.GotoAsync(SeedPath + "#event-5");

        var point = page.Locator("li#event-5");
        await Expect(point).ToHaveClassAsync("is-marked");
        await Expect(point).ToBeInViewportAsync();
    }
}
