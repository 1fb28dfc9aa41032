using NewsDigest.Browser.Tests.Infrastructure;
using NewsDigest.Tests.Shared;
using static Microsoft.Playwright.Assertions;
using static NewsDigest.Browser.Tests.Infrastructure.Corpus;

namespace NewsDigest.Browser.Tests;

/// <summary>The insights heat map as a reader uses it: a cell is a link to exactly its articles,
/// on a phone (inside its own scrolling box) and without JavaScript. Fit, text size, screenshots
/// and axe for /insights run with every other page type (<see cref="PageTypes"/>).</summary>
[Collection(PortalCollection.Name)]
public sealed class InsightsJourneyTests(PortalFixture portal)
{
    private static string Cell(string industry, string tech) =>
        $"svg.heatmap a.cell[data-industry='{industry}'][data-tech='{tech}']";

    [FactNeeding(Tool.Chromium)]
    public async Task Clicking_a_heat_map_cell_on_a_phone_lands_on_its_filtered_list()
    {
        await using var context = await portal.NewContextAsync(Viewport.Phone);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("a.insights-link").ClickAsync();
        await page.WaitForPathAsync("/insights");

        var cell = page.Locator(Cell(Education, LargeModels));
        Assert.Equal("3", await cell.GetAttributeAsync("data-count"));
        // The map may be wider than the phone: it scrolls inside its box, never the page.
        Assert.True(await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth"));
        await cell.ClickAsync();

        await page.WaitForPathAsync($"/?industry={Education}&tech={LargeModels}");
        Assert.Equal("3 篇匹配的文章", await page.TextOfAsync(".result-count"));
        Assert.Equal(EducationAndLargeModelsTitles.Order(), (await page.CardTitlesAsync()).Order());
    }

    [FactNeeding(Tool.Chromium)]
    public async Task Without_javascript_the_map_and_its_table_work_within_a_filter()
    {
        await using var context = await portal.NewContextAsync(Viewport.Desktop, javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/?industry={Uri.EscapeDataString(Education)}");
        await page.Locator("a.insights-link").ClickAsync();
        await page.WaitForPathAsync($"/insights?industry={Education}");
        Assert.Equal([Education], await page.Locator("svg.heatmap .row-label").AllTextContentsAsync());

        await page.Locator("details.chart-data > summary").First.ClickAsync();
        var tableCell = page.Locator("table.heatmap-table tbody td a").First;
        await Expect(tableCell).ToBeVisibleAsync();
        Assert.Equal(await page.Locator("svg.heatmap a.cell").First.GetAttributeAsync("data-count"), await tableCell.InnerTextAsync());

        await page.Locator(Cell(Education, LargeModels)).ClickAsync();
        await page.WaitForPathAsync($"/?industry={Education}&tech={LargeModels}");
        Assert.Equal(EducationAndLargeModelsTitles.Order(), (await page.CardTitlesAsync()).Order());
    }
}
