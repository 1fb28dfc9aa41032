using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.Data.Sqlite;
using NewsDigest.Web.Tests.Infrastructure;

namespace NewsDigest.Web.Tests.Pages;

public sealed class ArticlePageTests
{
    private const string SeedId = "77fc480992936622";

    private static async Task<(HttpClient Client, string Path)> Open(TestApp app)
    {
        var client = await app.StartAsync();
        var redirect = await client.GetAsync($"/articles/{SeedId}");
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        return (client, redirect.Headers.Location!.OriginalString);
    }

    private static async Task<IHtmlDocument> Get(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await TestApp.ParseHtml(response);
    }

    [Fact]
    public async Task Id_alone_or_a_wrong_slug_redirects_to_the_canonical_permalink()
    {
        using var app = new TestApp().WithRealSeed();
        var (client, path) = await Open(app);

        var wrongSlug = await client.GetAsync($"/articles/{SeedId}/old-title?q=%E6%A8%A1%E5%9E%8B");

        Assert.Matches($"^/articles/{SeedId}/[a-z0-9-]+$", path);
        Assert.Equal(HttpStatusCode.MovedPermanently, wrongSlug.StatusCode);
        Assert.Equal(path + "?q=%E6%A8%A1%E5%9E%8B", wrongSlug.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Shows_title_date_source_tags_events_and_full_text()
    {
        using var app = new TestApp().WithRealSeed();
        var (client, path) = await Open(app);

        var page = await Get(client, path);

        Assert.Equal("国产大模型“诸神之战”出路何方", page.QuerySelector("article h1")?.TextContent);
        Assert.Equal("zh-Hans", page.QuerySelector("article")?.GetAttribute("lang"));
        var source = page.QuerySelector("a.source-link")!;
        Assert.StartsWith("https://baijiahao.baidu.com/", source.GetAttribute("href"));
        Assert.Equal(["noopener", "noreferrer", "nofollow"], source.GetAttribute("rel")!.Split(' '));
        Assert.Equal(["教育", "金融", "医疗"], page.QuerySelectorAll("a.tag-industry").Select(a => a.TextContent));
        Assert.Equal("/?tech=ChatGPT", page.QuerySelector("a.tag-tech")?.GetAttribute("href"));
        Assert.Equal(3, page.QuerySelectorAll("a.tag-keyword").Length);
        Assert.True(page.QuerySelectorAll(".fulltext .prose p").Length > 3);
        Assert.StartsWith("5月26日，贵阳", page.QuerySelector(".fulltext .prose p")?.TextContent);
    }

    [Fact]
    public async Task Each_event_point_has_a_stable_anchor_and_a_link_to_it()
    {
        using var app = new TestApp().WithRealSeed();
        var (client, path) = await Open(app);

        var page = await Get(client, path);

        var points = page.QuerySelectorAll(".events li[id^='event-']");
        Assert.Equal(6, points.Length);
        for (var n = 1; n <= 6; n++)
        {
            Assert.Equal($"event-{n}", points[n - 1].Id);
            Assert.NotNull(points[n - 1].QuerySelector($"a.event-link[href='#event-{n}']"));
        }

        Assert.Contains("未来展望", points[5].TextContent);
    }

    [Theory]
    [InlineData("zh-CN,zh;q=0.9", "链接到第 3 点")]
    [InlineData("en-US,en;q=0.9", "Link to point 3")]
    public async Task Point_links_are_labelled_in_the_reader_s_language(string acceptLanguage, string label)
    {
        using var app = new TestApp().WithRealSeed();
        var (client, path) = await Open(app);
        client.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);

        var page = await Get(client, path);

        Assert.Equal(label, page.QuerySelector("a.event-link[href='#event-3']")?.GetAttribute("aria-label"));
        // The summary text, and so the share description, carries no link labels or markers.
        Assert.DoesNotContain("#", page.QuerySelector("meta[name='description']")?.GetAttribute("content") ?? "#");
    }

    [Fact]
    public async Task Point_labels_and_the_share_description_come_from_what_ingestion_stored_not_from_parsing_the_html()
    {
        using var app = new TestApp().WithRealSeed();
        var client = await app.StartAsync();
        // Changed behind the page's back: a page that derived them from the events HTML would not notice.
        using (var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE articles SET event_anchors = '[2]', events_text = '存储的事件摘要' WHERE id = $id";
            command.Parameters.AddWithValue("$id", SeedId);
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        client.DefaultRequestHeaders.Add("Accept-Language", "zh-CN");
        var page = await Get(client, (await client.GetAsync($"/articles/{SeedId}")).Headers.Location!.OriginalString);

        Assert.Equal("存储的事件摘要", page.QuerySelector("meta[name='description']")?.GetAttribute("content"));
        Assert.Equal("链接到第 2 点", page.QuerySelector("a.event-link[href='#event-2']")?.GetAttribute("aria-label"));
        Assert.Equal("Link to point 3", page.QuerySelector("a.event-link[href='#event-3']")?.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Sharing_metadata_canonical_open_graph_twitter_and_json_ld()
    {
        using var app = new TestApp().WithRealSeed();
        var (client, path) = await Open(app);

        var page = await Get(client, path);

        var canonical = "http://localhost" + path;
        string? Meta(string selector) => page.QuerySelector(selector)?.GetAttribute("content");
        Assert.Equal(canonical, page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal(canonical, Meta("meta[property='og:url']"));
        Assert.Equal("国产大模型“诸神之战”出路何方", Meta("meta[property='og:title']"));
        Assert.Equal("article", Meta("meta[property='og:type']"));
        Assert.Equal("NewsDigest", Meta("meta[property='og:site_name']"));
        Assert.Equal("zh_CN", Meta("meta[property='og:locale']"));
        Assert.StartsWith("这篇文章主要讨论了中国在人工智能大模型领域", Meta("meta[property='og:description']"));
        Assert.Equal("summary", Meta("meta[name='twitter:card']"));
        Assert.NotNull(Meta("meta[name='twitter:title']"));

        var jsonLd = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal("NewsArticle", jsonLd.GetProperty("@type").GetString());
        Assert.Equal("国产大模型“诸神之战”出路何方", jsonLd.GetProperty("headline").GetString());
        Assert.Equal(canonical, jsonLd.GetProperty("url").GetString());

        var copy = page.QuerySelector("button.copy-link")!;
        Assert.Equal(canonical, copy.GetAttribute("data-copy"));
    }

    [Fact]
    public async Task Related_and_previous_next_articles()
    {
        using var app = new TestApp().WithRealSeed();
        app.WriteFile("001_00000000000000c1.txt", Digests.Make("同行业同技术", "教育", "ChatGPT", date: "2020-01-02"));
        app.WriteFile("002_00000000000000c2.txt", Digests.Make("毫不相干", "农业", "机器人", "无关", date: "2020-01-01"));
        var (client, path) = await Open(app);

        var page = await Get(client, path);

        var related = page.QuerySelectorAll(".related .card-title a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal("同行业同技术", related[0]);
        Assert.DoesNotContain("毫不相干", related);
        Assert.Null(page.QuerySelector(".neighbours a.newer"));
        Assert.Equal("同行业同技术", page.QuerySelector(".neighbours a.older span[lang]")?.TextContent);
    }

    [Fact]
    public async Task Search_terms_are_marked_when_opened_from_a_search()
    {
        using var app = new TestApp().WithRealSeed();
        var (client, path) = await Open(app);

        var page = await Get(client, path + "?q=%E8%B4%B5%E9%98%B3");

        Assert.Contains(page.QuerySelectorAll(".fulltext mark"), m => m.TextContent == "贵阳");
    }

    [Theory]
    [InlineData("/articles/0123456789abcdef")]
    [InlineData("/articles/NOT-AN-ID/slug")]
    [InlineData("/no/such/route")]
    public async Task Unknown_ids_and_routes_are_a_helpful_404(string url)
    {
        using var app = new TestApp().WithRealSeed();
        var client = await app.StartAsync();

        var response = await client.GetAsync(url);
        var page = await TestApp.ParseHtml(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotNull(page.QuerySelector("main a[href='/']"));
        Assert.NotNull(page.QuerySelector("main form[role=search]"));
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
    }

    [Fact]
    public async Task A_hostile_digest_renders_as_harmless_text()
    {
        using var app = new TestApp().WithFile("001_00000000000000e1.txt", Digests.Hostile);
        var client = await app.StartAsync();
        var list = await TestApp.ParseHtml(await client.GetAsync("/"));
        var href = list.QuerySelector(".card-title a")!.GetAttribute("href")!;

        foreach (var url in new[] { "/", href, "/tags", "/api/articles/00000000000000e1" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            if (url.StartsWith("/api", StringComparison.Ordinal))
            {
                continue;
            }

            var page = await TestApp.ParseHtml(response);
            Assert.All(page.QuerySelectorAll("script"), s => Assert.True(
                s.GetAttribute("type") == "application/ld+json" || s.GetAttribute("src") is not null,
                "only our external script and JSON-LD may appear"));
            Assert.Empty(page.QuerySelectorAll("iframe, svg, img[onerror], b[onmouseover]"));
            Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.Ordinal));
            Assert.All(page.QuerySelectorAll("a[href]"), a => Assert.Matches("^(https?:|/|#|mailto:)", a.GetAttribute("href")!));
        }

        var article = await TestApp.ParseHtml(await client.GetAsync(href));
        Assert.Contains("<script>alert('title')</script>", article.QuerySelector("h1")!.TextContent);
        Assert.Null(article.QuerySelector("a.source-link"));
    }
}
