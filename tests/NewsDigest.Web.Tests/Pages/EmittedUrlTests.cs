using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using NewsDigest.Core.Storage;
using NewsDigest.Web.Infrastructure;
using NewsDigest.Web.Tests.Infrastructure;

namespace NewsDigest.Web.Tests.Pages;

/// <summary>The links a response carries (pager, canonical, feeds, export, the API's next and prev)
/// are the ones <see cref="SiteUrls"/> builds for its view, and article lists page by one size.</summary>
public sealed class EmittedUrlTests
{
    private const string Origin = "http://localhost";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    // 医疗 is tagged on the real seed and on one more page's worth of digests than a list holds.
    private static readonly ArticleFilter Medicine = new() { Industries = ["医疗"] };

    private static TestApp Corpus()
    {
        var app = new TestApp().WithRealSeed();
        for (var i = 1; i <= PageSizes.Articles + 2; i++)
        {
            app.WriteFile($"{i:000}_{i:x16}.txt", Digests.Make($"医疗报道{i}", "医疗", "大模型", date: $"2024-05-{i:00}"));
        }

        app.WriteFile("bad-1.txt", "不是摘要");
        app.WriteFile("bad-2.txt", "也不是摘要");
        return app;
    }

    [Fact]
    public async Task The_api_next_and_prev_links_are_what_SiteUrls_builds()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        // A repeated value, another spelling of it and a sort without a search are all one view.
        var articles = await GetJson(client, "/api/articles?sort=newest&industry=%E5%8C%BB%E7%96%97&industry=%E5%8C%BB%E7%96%97&pageSize=3&page=2");
        var files = await GetJson(client, "/api/ingestion?pageSize=1&reason=any");

        var filter = Medicine with { PageSize = 3, Sort = ArticleSort.Newest };
        Assert.Equal(SiteUrls.ApiArticles(filter, 3), articles.GetProperty("next").GetString());
        Assert.Equal(SiteUrls.ApiArticles(filter, 1), articles.GetProperty("prev").GetString());
        Assert.Equal("/api/articles?industry=%E5%8C%BB%E7%96%97&page=3&pageSize=3", articles.GetProperty("next").GetString());
        var third = await GetJson(client, articles.GetProperty("next").GetString()!);
        Assert.Equal(3, third.GetProperty("page").GetInt32());
        Assert.Equal(SiteUrls.ApiIngestion(new SourceFileQuery { ProblemsOnly = true, PageSize = 1 }, 2), files.GetProperty("next").GetString());
        Assert.Equal("/api/ingestion?reason=any&page=2&pageSize=1", files.GetProperty("next").GetString());
        Assert.Equal(JsonValueKind.Null, files.GetProperty("prev").ValueKind);
    }

    [Fact]
    public async Task A_list_page_links_its_address_pages_feeds_export_and_insights_as_SiteUrls_builds()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var response = await client.GetAsync(SiteUrls.List(Medicine));
        var page = await TestApp.ParseHtml(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Origin + SiteUrls.List(Medicine), page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal(Origin + SiteUrls.List(Medicine), page.QuerySelector("meta[property='og:url']")?.GetAttribute("content"));
        Assert.Equal(SiteUrls.List(Medicine, 2), page.QuerySelector(".pager a[rel=next]")?.GetAttribute("href"));
        Assert.Equal(SiteUrls.AtomFeed(Medicine), page.QuerySelector("link[rel=alternate]")?.GetAttribute("href"));
        Assert.Equal(SiteUrls.AtomFeed(Medicine), page.QuerySelector(".subscribe a[type='application/atom+xml']")?.GetAttribute("href"));
        Assert.Equal(SiteUrls.JsonFeed(Medicine), page.QuerySelector(".subscribe a[type='application/feed+json']")?.GetAttribute("href"));
        Assert.Equal(SiteUrls.Export(Medicine), page.QuerySelector(".subscribe a[type='text/csv']")?.GetAttribute("href"));
        Assert.Equal(SiteUrls.Insights(Medicine), page.QuerySelector(".subscribe a.insights-link")?.GetAttribute("href"));
        Assert.Equal("/export.csv?industry=%E5%8C%BB%E7%96%97", SiteUrls.Export(Medicine));
    }

    [Fact]
    public async Task A_feed_names_itself_and_its_view_as_SiteUrls_builds()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var atom = XDocument.Parse(await client.GetStringAsync(SiteUrls.AtomFeed(Medicine))).Root!;
        var json = await GetJson(client, SiteUrls.JsonFeed(Medicine));
        var newest = (await GetJson(client, "/api/articles?industry=%E5%8C%BB%E7%96%97&pageSize=1")).GetProperty("items")[0];

        Assert.Equal(Origin + SiteUrls.AtomFeed(Medicine), (string?)atom.Element(Atom + "id"));
        Assert.Equal(Origin + SiteUrls.AtomFeed(Medicine), Link(atom, "self"));
        Assert.Equal(Origin + SiteUrls.List(Medicine), Link(atom, "alternate"));
        Assert.Equal(Origin + SiteUrls.JsonFeed(Medicine), json.GetProperty("feed_url").GetString());
        Assert.Equal(Origin + SiteUrls.List(Medicine), json.GetProperty("home_page_url").GetString());
        Assert.Equal(Origin + newest.GetProperty("url").GetString(), json.GetProperty("items")[0].GetProperty("url").GetString());
        Assert.Equal(Origin + newest.GetProperty("url").GetString(), (string?)atom.Element(Atom + "entry")!.Element(Atom + "id"));
    }

    [Fact]
    public async Task Article_lists_page_by_one_size_on_the_list_the_tag_page_and_the_api()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var list = await TestApp.ParseHtml(await client.GetAsync(SiteUrls.List(Medicine)));
        var tag = await TestApp.ParseHtml(await client.GetAsync(SiteUrls.Tag(TagKind.Industry, "医疗")));
        var api = await GetJson(client, "/api/articles?industry=%E5%8C%BB%E7%96%97");

        Assert.Equal(PageSizes.Articles, ArticleFilter.DefaultPageSize);
        Assert.Equal(PageSizes.Articles, list.QuerySelectorAll(".article-list > li").Length);
        Assert.Equal(PageSizes.Articles, tag.QuerySelectorAll(".article-list > li").Length);
        Assert.Equal(SiteUrls.Tag(TagKind.Industry, "医疗", 2), tag.QuerySelector(".pager a[rel=next]")?.GetAttribute("href"));
        Assert.Equal(PageSizes.Articles, api.GetProperty("pageSize").GetInt32());
        Assert.Equal(PageSizes.Articles, api.GetProperty("items").GetArrayLength());
        Assert.Equal(SiteUrls.ApiArticles(Medicine, 2), api.GetProperty("next").GetString());
    }

    private static string? Link(XElement feed, string rel) =>
        (string?)feed.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") == rel)?.Attribute("href");

    private static async Task<JsonElement> GetJson(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
