using NewsDigest.Browser.Tests.Infrastructure;
using NewsDigest.Tests.Shared;
using static Microsoft.Playwright.Assertions;
using static NewsDigest.Browser.Tests.Infrastructure.Corpus;

namespace NewsDigest.Browser.Tests;

/// <summary>The script is progressive enhancement only: with JavaScript off, browsing, filtering
/// and search still work.</summary>
[Collection(PortalCollection.Name)]
public sealed class NoJavaScriptTests(PortalFixture portal)
{
    [FactNeeding(Tool.Chromium)]
    public async Task Filtering_by_facets_and_chips_works()
    {
        await using var context = await portal.NewContextAsync(Viewport.Phone, javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        // Without the script nothing folds the panel, so a phone sees it open.
        await Expect(page.Facet("industry", Education)).ToBeVisibleAsync();
        await page.Facet("industry", Education).ClickAsync();
        await page.WaitForPathAsync($"/?industry={Education}");
        await page.Facet("tech", LargeModels).ClickAsync();
        await page.WaitForPathAsync($"/?industry={Education}&tech={LargeModels}");
        Assert.Equal(EducationAndLargeModelsTitles.Order(), (await page.CardTitlesAsync()).Order());

        await page.Locator(".chips .chip-tech a.chip-remove").ClickAsync();
        await page.WaitForPathAsync($"/?industry={Education}");
        Assert.Equal($"{EducationCount} 篇匹配的文章", await page.TextOfAsync(".result-count"));
    }

    [FactNeeding(Tool.Chromium)]
    public async Task Searching_and_opening_a_result_works()
    {
        await using var context = await portal.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.Locator("#site-search").FillAsync("医疗");
        await page.Locator("#site-search").PressAsync("Enter");
        await page.WaitForPathAsync("/?q=医疗");
        Assert.True(await page.Locator(".article-list .card mark").CountAsync() > 0);

        await page.Locator(".article-list .card-title a").First.ClickAsync();
        await Expect(page.Locator("article h1")).ToBeVisibleAsync();
        Assert.StartsWith("/articles/", page.PathAndQuery());
    }

    [FactNeeding(Tool.Chromium)]
    public async Task An_article_shows_its_points_and_hides_the_copy_button_that_cannot_work()
    {
        await using var context = await portal.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();

        await page.GotoAsync(SeedPath + "#event-3");

        await Expect(page.Locator("button.copy-link")).Not.ToBeVisibleAsync();
        await Expect(page.Locator("a.permalink")).ToBeVisibleAsync();
        // The plain anchor still scrolls to the point and :target highlights it.
        await Expect(page.Locator("li#event-3")).ToBeInViewportAsync();
        Assert.True(await page.Locator("li#event-3").EvaluateAsync<bool>("li => li.matches(':target')"));
    }
}
