using System.Net;
using AngleSharp.Html.Dom;
using NewsDigest.Web.Tests.Infrastructure;

namespace NewsDigest.Web.Tests.Pages;

/// <summary>/tags stays small however many tags there are: the most used of each kind, and a
/// paged view of one kind (/tags?kind=keyword&amp;page=2).</summary>
public sealed class TagPagingTests
{
    private const int OwnKeywords = 199;

    /// <summary>Three articles with 199 keywords of their own each, and one keyword they share: 598 keywords.</summary>
    private static TestApp Corpus()
    {
        var app = new TestApp();
        for (var f = 1; f <= 3; f++)
        {
            var keywords = string.Join(", ", Enumerable.Range(0, OwnKeywords).Select(n => $"kw{f}x{n:D3}").Prepend("共同"));
            app.WithFile($"00{f}_00000000000000f{f}.txt", Digests.Make($"关键词很多的文章{f}", keywords: keywords));
        }

        return app;
    }

    private static async Task<IHtmlDocument> Get(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        Assert.True(expected == response.StatusCode, $"{url}: {response.StatusCode}");
        return await TestApp.ParseHtml(response);
    }

    private static List<string> Keywords(IHtmlDocument page) =>
        page.QuerySelectorAll("#keyword a.tag").Select(a => a.ChildNodes[0].TextContent.Trim()).ToList();

    [Fact]
    public async Task Tags_shows_the_most_used_of_each_kind_and_links_to_all_of_a_kind()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var page = await Get(client, "/tags");

        Assert.Equal(100, Keywords(page).Count);
        Assert.Equal("共同", Keywords(page)[0]);
        Assert.Equal("3", page.QuerySelector("#keyword a.tag .count")?.TextContent);
        Assert.Equal("598", page.QuerySelector("nav.jump a[href='#keyword'] .count")?.TextContent);
        Assert.NotNull(page.QuerySelector("#keyword a[href='/tags?kind=keyword']"));
        Assert.Null(page.QuerySelector("#industry a[href='/tags?kind=industry']"));
    }

    [Fact]
    public async Task One_kind_is_listed_whole_a_page_at_a_time()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var first = await Get(client, "/tags?kind=keyword");
        var second = await Get(client, "/tags?kind=keyword&page=2");

        Assert.Equal(500, Keywords(first).Count);
        Assert.Equal(98, Keywords(second).Count);
        Assert.Equal(598, Keywords(first).Concat(Keywords(second)).Distinct().Count());
        Assert.Equal("/tags?kind=keyword&page=2", first.QuerySelector(".pager a[rel=next]")?.GetAttribute("href"));
        Assert.Equal("http://localhost/tags?kind=keyword&page=2", second.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Empty(first.QuerySelectorAll("#industry, #tech"));
        Assert.Equal("/tags/keyword/%E5%85%B1%E5%90%8C", first.QuerySelector("#keyword a.tag")?.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/tags?kind=technology", "/tags?kind=tech")]
    [InlineData("/tags?kind=keyword&page=1", "/tags?kind=keyword")]
    [InlineData("/tags?page=2&kind=keyword", "/tags?kind=keyword&page=2")]
    public async Task A_kind_view_has_one_address(string url, string canonical)
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(canonical, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/tags?kind=colour", HttpStatusCode.BadRequest)]
    [InlineData("/tags?page=2", HttpStatusCode.BadRequest)]
    [InlineData("/tags?kind=keyword&page=abc", HttpStatusCode.BadRequest)]
    [InlineData("/tags?kind=keyword&page=3", HttpStatusCode.NotFound)]
    public async Task Bad_parameters_get_a_readable_page_never_a_500(string url, HttpStatusCode expected)
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var page = await Get(client, url, expected);

        Assert.NotNull(page.QuerySelector("h1"));
    }
}
