using NewsDigest.Browser.Tests.Infrastructure;
using NewsDigest.Tests.Shared;
using static Microsoft.Playwright.Assertions;
using static NewsDigest.Browser.Tests.Infrastructure.Corpus;

namespace NewsDigest.Browser.Tests;

/// <summary>The facet panel on a phone (390×844) and a desktop (1280×800). Fit and text size of
/// every page at both sizes: <see cref="PageLayoutTests"/>.</summary>
[Collection(PortalCollection.Name)]
public sealed class ResponsiveLayoutTests(PortalFixture portal)
{
    [FactNeeding(Tool.Chromium)]
    public async Task On_a_phone_the_facet_panel_starts_folded_and_opens_to_filter()
    {
        await using var context = await portal.NewContextAsync(Viewport.Phone);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var panel = page.Locator("details.facets-toggle");
        var facet = page.Facet("industry", Education);
        Assert.False(await panel.EvaluateAsync<bool>("d => d.open"));
        await Expect(facet).Not.ToBeVisibleAsync();
        // The list comes first on a phone: the first card is within the first screen.
        await Expect(page.Locator(".article-list .card").First).ToBeInViewportAsync();

        await page.Locator("details.facets-toggle > summary").ClickAsync();
        await Expect(facet).ToBeVisibleAsync();
        var box = await facet.BoundingBoxAsync();
        Assert.True(box!.Height >= 24, $"the facet link is {box.Height}px high: too small to tap");
        await facet.ClickAsync();

        await page.WaitForPathAsync($"/?industry={Education}");
        Assert.Equal($"{EducationCount} 篇匹配的文章", await page.TextOfAsync(".result-count"));
        // With a filter on, the list still comes first: the chip shows what is selected and
        // the folded panel's summary counts it.
        Assert.False(await panel.EvaluateAsync<bool>("d => d.open"));
        await Expect(page.Locator(".chips .chip")).ToBeVisibleAsync();
        await Expect(page.Locator("details.facets-toggle > summary .facets-active")).ToHaveTextAsync(" (1)");
        await Expect(page.Locator(".article-list .card").First).ToBeInViewportAsync();
    }

    [FactNeeding(Tool.Chromium)]
    public async Task On_a_desktop_the_facet_panel_is_open_beside_the_list()
    {
        await using var context = await portal.NewContextAsync(Viewport.Desktop);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        var facet = page.Facet("industry", Education);
        await Expect(facet).ToBeVisibleAsync();
        var panel = await page.Locator("aside.facets").BoundingBoxAsync();
        var list = await page.Locator(".list-main").BoundingBoxAsync();
        Assert.True(panel!.X >= list!.X + list.Width, "the facet panel is not to the right of the list");
        Assert.True(panel.Y < Viewport.Desktop.Height, "the facet panel starts below the first screen");

        await facet.ClickAsync();
        await page.WaitForPathAsync($"/?industry={Education}");
    }
}
