using NewsDigest.Browser.Tests.Infrastructure;
using NewsDigest.Tests.Shared;
using static NewsDigest.Browser.Tests.Infrastructure.Corpus;

namespace NewsDigest.Browser.Tests;

/// <summary>Searching from the header box, in Chinese and in English, and opening a result.</summary>
[Collection(PortalCollection.Name)]
public sealed class SearchJourneyTests(PortalFixture portal)
{
    [FactNeeding(Tool.Chromium)]
    public async Task A_two_character_chinese_word_finds_and_highlights_every_chinese_digest()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.Locator("#site-search").FillAsync("模型");
        await page.Locator("#site-search").PressAsync("Enter");

        await page.WaitForPathAsync("/?q=模型");
        Assert.Equal("搜索：模型", await page.TextOfAsync("main h1"));
        Assert.Equal($"{ChineseArticles} 篇匹配的文章", await page.TextOfAsync(".result-count"));
        Assert.Equal("模型", await page.Locator("#site-search").InputValueAsync());
        await AssertEveryCardHighlights(page, "模型");
    }

    [FactNeeding(Tool.Chromium)]
    public async Task An_english_word_finds_titles_and_text_and_highlights_them()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.Locator("#site-search").FillAsync("ChatGPT");
        await page.Locator("header form.search button[type=submit]").ClickAsync();

        await page.WaitForPathAsync("/?q=ChatGPT");
        Assert.Equal(ChatGptTitles.Order(), (await page.CardTitlesAsync()).Order());
        await AssertEveryCardHighlights(page, "ChatGPT");
        Assert.Equal("ChatGPT", await page.TextOfAsync(".chips .chip-query > span:not(.chip-kind)"));
    }

    [FactNeeding(Tool.Chromium)]
    public async Task A_result_opens_its_article_and_its_permalink_opens_the_same_article_fresh()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/?q=ChatGPT");

        await page.Locator($".card-title a:text-is('{SeedTitle}')").ClickAsync();
        // Opened from a search, the article carries the query and marks the searched term.
        await page.WaitForPathAsync(SeedPath + "?q=ChatGPT");
        Assert.Equal(SeedTitle, await page.TextOfAsync("article h1"));
        Assert.Contains("ChatGPT", await page.Locator(".fulltext mark").AllInnerTextsAsync());
        var permalink = await page.Locator("a.permalink").GetAttributeAsync("href");
        Assert.Equal(SeedPath, permalink);

        await using var fresh = await portal.NewContextAsync();
        var freshPage = await fresh.NewPageAsync();
        var response = await freshPage.GotoAsync(permalink!);
        Assert.Equal(200, response!.Status);
        Assert.Equal(SeedTitle, await freshPage.TextOfAsync("article h1"));
        Assert.Equal(portal.Server.Url(SeedPath), await freshPage.Locator("link[rel=canonical]").GetAttributeAsync("href"));

        // The short form (id only) is what people paste into chats; it redirects to the permalink.
        await freshPage.GotoAsync($"/articles/{SeedId}");
        Assert.Equal(SeedPath, freshPage.PathAndQuery());
    }

    private static async Task AssertEveryCardHighlights(Microsoft.Playwright.IPage page, string term)
    {
        var cards = page.Locator(".article-list .card");
        var count = await cards.CountAsync();
        Assert.True(count > 0, "no results");
        for (var i = 0; i < count; i++)
        {
            var marks = await cards.Nth(i).Locator(".card-title mark, .excerpt mark").AllInnerTextsAsync();
            var title = await cards.Nth(i).Locator(".card-title").InnerTextAsync();
            Assert.True(marks.Count > 0, $"card '{title.Trim()}' highlights nothing");
            Assert.All(marks, mark => Assert.Equal(term, mark, ignoreCase: true));
        }
    }
}
