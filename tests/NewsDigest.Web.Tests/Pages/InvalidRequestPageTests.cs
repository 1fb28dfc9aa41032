using System.Net;
using AngleSharp.Html.Dom;
using NewsDigest.Web.Tests.Infrastructure;

namespace NewsDigest.Web.Tests.Pages;

/// <summary>Every page that reads parameters answers one it cannot read with the same 400 page:
/// its title, kept out of search engines, no canonical or feed, and the reason for each parameter.</summary>
public sealed class InvalidRequestPageTests
{
    // A page that reads a query string, with a parameter it cannot read.
    private static readonly (string Url, string Parameter)[] Unreadable =
    [
        ("/?page=0", "page"),
        ("/insights?all=2", "all"),
        ("/tags?kind=colour", "kind"),
        ("/ingestion?reason=no-such-kind", "reason"),
        ("/ingestion/stories?page=x", "page"),
    ];

    [Theory]
    [InlineData("zh-Hans", "无效请求 · NewsDigest")]
    [InlineData("en", "Invalid request · NewsDigest")]
    public async Task Every_page_answers_an_unreadable_parameter_with_the_same_400(string language, string title)
    {
        using var app = new TestApp().WithRealSeed();
        var client = await app.StartAsync();
        client.DefaultRequestHeaders.Add("Accept-Language", language);

        var looks = new List<string>();
        foreach (var (url, parameter) in Unreadable)
        {
            var response = await client.GetAsync(url);
            var page = await TestApp.ParseHtml(response);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var reasons = page.QuerySelectorAll("main section.empty-state[aria-labelledby=bad-request] li").Select(li => li.TextContent).ToList();
            Assert.True(reasons is [var reason] && reason.StartsWith(parameter + " ", StringComparison.Ordinal), $"{url}: {string.Join(" | ", reasons)}");
            looks.Add(Look(page));
        }

        Assert.Single(looks.Distinct());
        Assert.StartsWith($"{title} | noindex | no canonical | no og:url | no description | no feed | ", looks[0]);
    }

    private static string Look(IHtmlDocument page) => string.Join(
        " | ",
        page.Title,
        page.QuerySelector("meta[name=robots]")?.GetAttribute("content") ?? "indexed",
        page.QuerySelector("link[rel=canonical]")?.GetAttribute("href") ?? "no canonical",
        page.QuerySelector("meta[property='og:url']")?.GetAttribute("content") ?? "no og:url",
        page.QuerySelector("meta[name=description]")?.GetAttribute("content") ?? "no description",
        page.QuerySelector("link[rel=alternate]")?.GetAttribute("href") ?? "no feed",
        page.QuerySelector("meta[property='og:title']")?.GetAttribute("content"),
        page.QuerySelector("main #bad-request")?.TextContent);
}
