using System.Net;
using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using NewsDigest.Web.Tests.Infrastructure;

namespace NewsDigest.Web.Tests.Feeds;

public sealed class FeedTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static TestApp Corpus() => new TestApp()
        .WithRealSeed()
        .WithFile("001_00000000000000a1.txt", Digests.Make("医疗大模型", "医疗", "大模型", date: "2024-05-01"))
        .WithFile("002_00000000000000a2.txt", Digests.Make("金融风控", "金融", "机器学习", date: "2024-05-02"))
        .WithFile("003_00000000000000a3.txt", Digests.Make("影像诊断", "医疗", "计算机视觉", date: "2024-05-03"));

    [Fact]
    public async Task Atom_feed_of_a_filter_has_exactly_the_matching_articles()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var response = await client.GetAsync("/feed.atom?industry=%E5%8C%BB%E7%96%97");
        var xml = await response.Content.ReadAsStringAsync();

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var doc = XDocument.Parse(xml);
        Assert.Equal(Atom + "feed", doc.Root!.Name);
        Assert.NotNull(doc.Root.Element(Atom + "id"));
        Assert.NotNull(doc.Root.Element(Atom + "updated"));
        Assert.NotNull(doc.Root.Element(Atom + "title"));
        Assert.Contains(doc.Root.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");
        var entries = doc.Root.Elements(Atom + "entry").ToList();
        Assert.Equal(3, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.StartsWith("http://localhost/articles/", (string?)e.Element(Atom + "id"));
            Assert.Equal((string?)e.Element(Atom + "id"), (string?)e.Elements(Atom + "link").First(l => (string?)l.Attribute("rel") == "alternate").Attribute("href"));
            Assert.NotNull(e.Element(Atom + "updated"));
            Assert.Equal("html", (string?)e.Element(Atom + "summary")?.Attribute("type"));
            Assert.Contains(e.Elements(Atom + "category"), c => (string?)c.Attribute("term") == "医疗");
        });

        // The same library reads it back.
        using var reader = XmlReader.Create(new StringReader(xml));
        var feed = SyndicationFeed.Load(reader);
        Assert.Equal(["国产大模型“诸神之战”出路何方", "影像诊断", "医疗大模型"], feed.Items.Select(i => i.Title.Text));
        Assert.Contains("event-1", ((TextSyndicationContent)feed.Items.First().Summary).Text);
    }

    [Fact]
    public async Task Json_feed_follows_version_1_1()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var response = await client.GetAsync("/feed.json?tech=%E5%A4%A7%E6%A8%A1%E5%9E%8B");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("application/feed+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("https://jsonfeed.org/version/1.1", json.GetProperty("version").GetString());
        Assert.StartsWith("http://localhost/feed.json", json.GetProperty("feed_url").GetString());
        var item = Assert.Single(json.GetProperty("items").EnumerateArray());
        Assert.Equal("医疗大模型", item.GetProperty("title").GetString());
        Assert.StartsWith("http://localhost/articles/00000000000000a1/", item.GetProperty("url").GetString());
        Assert.Contains("<ol", item.GetProperty("content_html").GetString());
        Assert.Contains("大模型", item.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task Lists_link_their_feed()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var page = await TestApp.ParseHtml(await client.GetAsync("/?industry=%E5%8C%BB%E7%96%97"));
        var tag = await TestApp.ParseHtml(await client.GetAsync("/tags/industry/%E5%8C%BB%E7%96%97"));

        Assert.Equal("/feed.atom?industry=%E5%8C%BB%E7%96%97", page.QuerySelector("link[rel=alternate][type='application/atom+xml']")?.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("a.feed-link[href='/feed.atom?industry=%E5%8C%BB%E7%96%97']"));
        Assert.NotNull(tag.QuerySelector("link[rel=alternate][type='application/atom+xml']"));
        Assert.NotNull(tag.QuerySelector("a.feed-link"));
    }

    [Fact]
    public async Task Csv_export_is_utf8_with_a_bom_and_reads_as_chinese()
    {
        using var app = Corpus().WithFile("004_00000000000000a4.txt", Digests.Make("=HYPERLINK(\"x\")，逗号\"引号\"", "医疗"));
        var client = await app.StartAsync();

        var response = await client.GetAsync("/export.csv?industry=%E5%8C%BB%E7%96%97");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,title,url,link,date,industries", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("77fc480992936622,国产大模型“诸神之战”出路何方,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"'=HYPERLINK(\"\"x\"\")，逗号\"\"引号\"\"\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sitemap_lists_every_article_and_robots_points_at_it()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var sitemap = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        var robots = await client.GetStringAsync("/robots.txt");

        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var urls = sitemap.Root!.Elements(ns + "url").ToList();
        Assert.Equal(4, urls.Count);
        Assert.All(urls, u =>
        {
            Assert.StartsWith("http://localhost/articles/", (string?)u.Element(ns + "loc"));
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", (string?)u.Element(ns + "lastmod"));
        });
        foreach (var loc in urls.Select(u => new Uri((string)u.Element(ns + "loc")!).PathAndQuery))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(loc)).StatusCode);
        }

        Assert.Contains("Sitemap: http://localhost/sitemap.xml", robots);
    }

    [Fact]
    public async Task Openapi_document_describes_the_api()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var reference = await client.GetAsync("/scalar/v1");

        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/articles", out var list));
        Assert.True(paths.TryGetProperty("/api/articles/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/tags", out _));
        Assert.True(paths.TryGetProperty("/api/ingestion", out _));
        Assert.True(paths.TryGetProperty("/feed.atom", out _));
        var parameters = list.GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Superset(new HashSet<string?> { "q", "industry", "tech", "keyword", "page", "pageSize" }, parameters.ToHashSet());
        foreach (var (path, codes) in new[] { ("/api/articles", new[] { "400", "405", "429", "500" }), ("/api/articles/{id}", ["404", "405", "429", "500"]), ("/api/ingestion", ["405", "429", "500"]) })
        {
            var responses = paths.GetProperty(path).GetProperty("get").GetProperty("responses");
            Assert.All(codes, code => Assert.True(
                responses.GetProperty(code).GetProperty("content").TryGetProperty("application/problem+json", out _), $"{path} {code}"));
        }

        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
    }

    [Fact]
    public async Task Tags_api_and_paging_links()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var tags = JsonDocument.Parse(await client.GetStringAsync("/api/tags?kind=industry")).RootElement;
        var all = JsonDocument.Parse(await client.GetStringAsync("/api/tags")).RootElement;
        var bad = await client.GetAsync("/api/tags?kind=colour");
        var page = JsonDocument.Parse(await client.GetStringAsync("/api/articles?pageSize=2&page=2")).RootElement;

        Assert.Equal("医疗", tags.GetProperty("industry")[0].GetProperty("value").GetString());
        Assert.Equal(3, tags.GetProperty("industry")[0].GetProperty("count").GetInt32());
        Assert.Equal(3, all.EnumerateObject().Count());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("/api/articles?pageSize=2", page.GetProperty("prev").GetString());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
    }
}
