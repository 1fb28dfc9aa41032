using NewsDigest.Browser.Tests.Infrastructure;
using NewsDigest.Tests.Shared;
using static NewsDigest.Browser.Tests.Infrastructure.Corpus;

namespace NewsDigest.Browser.Tests;

/// <summary>Narrowing the list with the facet panel and the chips, as a reader clicks through it.</summary>
[Collection(PortalCollection.Name)]
public sealed class FilterJourneyTests(PortalFixture portal)
{
    [FactNeeding(Tool.Chromium)]
    public async Task Industry_then_technology_then_removing_a_chip_keeps_url_list_and_counts_in_step()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Equal($"{Articles} 篇文章", await page.TextOfAsync(".result-count"));
        Assert.Equal(Articles, await page.Locator(".article-list > li").CountAsync());

        await page.Facet("industry", Education).ClickAsync();
        await page.WaitForPathAsync($"/?industry={Education}");
        Assert.Equal($"{EducationCount} 篇匹配的文章", await page.TextOfAsync(".result-count"));
        Assert.Equal(EducationCount, await page.Locator(".article-list > li").CountAsync());
        Assert.Equal(EducationCount, await page.Locator($".article-list .card:has(a.tag-industry:text-is('{Education}'))").CountAsync());
        Assert.Equal(["教育"], await page.Locator(".chips .chip-industry > span:not(.chip-kind)").AllInnerTextsAsync());
        Assert.Equal("3", await page.Facet("tech", LargeModels).Locator(".facet-count").InnerTextAsync());

        await page.Facet("tech", LargeModels).ClickAsync();
        // Canonical order is industry before tech, whatever order the reader clicked in.
        await page.WaitForPathAsync($"/?industry={Education}&tech={LargeModels}");
        Assert.Equal("3 篇匹配的文章", await page.TextOfAsync(".result-count"));
        Assert.Equal(EducationAndLargeModelsTitles.Order(), (await page.CardTitlesAsync()).Order());
        Assert.Contains("is-selected", await page.Facet("industry", Education).GetAttributeAsync("class"));
        Assert.Contains("is-selected", await page.Facet("tech", LargeModels).GetAttributeAsync("class"));
        Assert.Equal("3", await page.Facet("industry", Education).Locator(".facet-count").InnerTextAsync());
        Assert.Equal("(2)", await page.TextOfAsync(".facets-active"));

        await page.Locator(".chips .chip-industry a.chip-remove").ClickAsync();
        await page.WaitForPathAsync($"/?tech={LargeModels}");
        Assert.Equal($"{LargeModelsCount} 篇匹配的文章", await page.TextOfAsync(".result-count"));
        Assert.Equal(0, await page.Locator(".chips .chip-industry").CountAsync());
        Assert.DoesNotContain("is-selected", await page.Facet("industry", Education).GetAttributeAsync("class"));

        await page.GoBackAsync();
        await page.WaitForPathAsync($"/?industry={Education}&tech={LargeModels}");
        Assert.Equal("3 篇匹配的文章", await page.TextOfAsync(".result-count"));

        await page.GoBackAsync();
        await page.WaitForPathAsync($"/?industry={Education}");
        Assert.Equal($"{EducationCount} 篇匹配的文章", await page.TextOfAsync(".result-count"));

        await page.GoForwardAsync();
        await page.WaitForPathAsync($"/?industry={Education}&tech={LargeModels}");
        Assert.Equal(EducationAndLargeModelsTitles.Order(), (await page.CardTitlesAsync()).Order());
    }

    [FactNeeding(Tool.Chromium)]
    public async Task A_url_typed_in_another_order_lands_on_the_canonical_one()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/?tech={Uri.EscapeDataString(LargeModels)}&industry={Uri.EscapeDataString(Education)}&page=1");

        Assert.Equal($"/?industry={Education}&tech={LargeModels}", page.PathAndQuery());
        Assert.Equal("3 篇匹配的文章", await page.TextOfAsync(".result-count"));
    }

    [FactNeeding(Tool.Chromium)]
    public async Task Clear_all_returns_to_the_whole_list()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/?industry={Uri.EscapeDataString(Education)}&tech={Uri.EscapeDataString(LargeModels)}");

        await page.Locator(".chips a.chips-clear").ClickAsync();

        await page.WaitForPathAsync("/");
        Assert.Equal($"{Articles} 篇文章", await page.TextOfAsync(".result-count"));
        Assert.Equal(0, await page.Locator(".chips").CountAsync());
    }
}
