using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using NewsDigest.Web.Tests.Infrastructure;

namespace NewsDigest.Web.Tests.Pages;

/// <summary>Story clusters through HTTP: the article page, the collapsed list, the ingestion
/// report and the API fields.</summary>
public sealed class StoryClusterTests
{
    private const string Seed = "77fc480992936622";
    private const string SeedRepost = "00000000000000c1";
    private const string Ernie1 = "00000000000000c2";
    private const string Ernie2 = "00000000000000c3";
    private const string Alone = "00000000000000c4";

    /// <summary>The real seed and a repost of it (the same link but for a tracking parameter);
    /// ERNIE 4.0 from two outlets (near-identical titles and tags, same day); one article on its own.</summary>
    private static TestApp Corpus() => new TestApp()
        .WithRealSeed()
        .WithFile($"001_{SeedRepost}.txt", Digests.Make(
            "国产大模型混战，谁能突围", "教育, 金融", "ChatGPT", "人工智能", date: "2023-05-28",
            link: "https://baijiahao.baidu.com/s?id=1768447395834350836&utm_source=wechat"))
        .WithFile($"002_{Ernie1}.txt", Digests.Make(
            "百度发布文心大模型4.0，称综合能力不逊于GPT-4", "科技", "文心一言, 大模型", "人工智能", date: "2023-10-17",
            link: "https://www.thepaper.cn/newsDetail_forward_24960001"))
        .WithFile($"003_{Ernie2}.txt", Digests.Make(
            "百度发布文心大模型4.0：综合能力不逊于GPT-4", "科技", "文心一言, 大模型", "人工智能", date: "2023-10-17",
            link: "https://tech.sina.com.cn/i/2023-10-17/doc-imzrabcd.shtml"))
        .WithFile($"004_{Alone}.txt", Digests.Make(
            "腾讯发布混元大模型2.0", "金融", "混元大模型", "云计算", date: "2023-10-16",
            link: "https://www.huxiu.com/article/1.html"));

    [Fact]
    public async Task The_article_page_lists_the_other_articles_of_its_story_with_source_and_date()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var page = await Article(client, Ernie1);

        var section = page.QuerySelector("section#also-covered-by")!;
        Assert.Equal("同一事件的其他报道", section.QuerySelector("h2")!.TextContent);
        var item = Assert.Single(section.QuerySelectorAll("li"));
        var link = item.QuerySelector("a")!;
        Assert.Equal("百度发布文心大模型4.0：综合能力不逊于GPT-4", link.TextContent);
        Assert.StartsWith($"/articles/{Ernie2}/", link.GetAttribute("href"));
        Assert.Equal("tech.sina.com.cn", item.QuerySelector(".meta span")!.TextContent);
        Assert.Equal("2023-10-17", item.QuerySelector("time")!.GetAttribute("datetime"));
        // Listed once: not again under related articles.
        Assert.DoesNotContain(page.QuerySelectorAll(".related .card-title a"), a => a.GetAttribute("href")!.Contains(Ernie2, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_article_alone_has_no_such_section_and_a_repost_is_found_by_its_link()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var alone = await Article(client, Alone);
        var seed = await Article(client, Seed);

        Assert.Null(alone.QuerySelector("#also-covered-by"));
        Assert.Equal([SeedRepost], seed.QuerySelectorAll("#also-covered-by li a").Select(a => a.GetAttribute("href")!.Split('/')[2]));
    }

    [Fact]
    public async Task The_default_list_is_unchanged_and_offers_the_collapsed_view()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var page = await Get(client, "/");

        Assert.Equal(5, page.QuerySelectorAll(".article-list > li").Length);
        Assert.Empty(page.QuerySelectorAll(".more-coverage"));
        Assert.Equal("5 篇文章", page.QuerySelector(".result-count")!.TextContent.Trim());
        var toggle = page.QuerySelector("nav.story-toggle")!;
        Assert.Equal("每篇文章", toggle.QuerySelector("strong[aria-current]")!.TextContent);
        Assert.Equal("/?collapse=1", toggle.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_collapsed_list_shows_each_story_once_with_a_link_to_its_other_coverage()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var page = await Get(client, "/?collapse=1");

        // Newest first: the undated seed dates from its ingestion (today); each story shows its
        // newest article (the ERNIE pair share a day, so the later ingested one).
        Assert.Equal([Seed, Ernie2, Alone], CardIds(page));
        Assert.Equal("3 个事件", page.QuerySelector(".result-count")!.TextContent.Trim());
        var more = page.QuerySelectorAll(".more-coverage a");
        Assert.Equal(2, more.Length);
        Assert.Matches($"^/articles/{Seed}/[a-z0-9-]+#also-covered-by$", more[0].GetAttribute("href"));
        Assert.Equal("另有 1 篇报道", more[0].TextContent);
        Assert.Equal("/", page.QuerySelector("nav.story-toggle a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Facet_counts_of_the_collapsed_list_count_stories_and_its_links_keep_it_collapsed()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var page = await Get(client, "/?collapse=1");

        var industries = page.QuerySelectorAll(".facet-list[data-kind=industry] a.facet")
            .ToDictionary(a => a.QuerySelector(".facet-value")!.TextContent, a => a);
        // 教育 is on the seed and its repost: one story. 金融 too, plus the article alone: two.
        Assert.Equal("1", industries["教育"].QuerySelector(".facet-count")!.TextContent);
        Assert.Equal("2", industries["金融"].QuerySelector(".facet-count")!.TextContent);
        var href = industries["金融"].GetAttribute("href")!;
        Assert.Equal("/?industry=%E9%87%91%E8%9E%8D&collapse=1", href);
        Assert.Equal([Seed, Alone], CardIds(await Get(client, href)));
    }

    [Theory]
    [InlineData("/?collapse=0", "/")]
    [InlineData("/?collapse=1&industry=%E7%A7%91%E6%8A%80", "/?industry=%E7%A7%91%E6%8A%80&collapse=1")]
    [InlineData("/?page=1&collapse=1", "/?collapse=1")]
    public async Task Other_spellings_of_a_collapsed_list_redirect_to_its_canonical_address(string url, string canonical)
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(canonical, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/?collapse=yes")]
    [InlineData("/?collapse=2")]
    public async Task A_collapse_value_other_than_0_or_1_is_a_400(string url)
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        await Get(client, url, HttpStatusCode.BadRequest);
        var api = await client.GetAsync("/api/articles" + url[1..]);

        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
    }

    [Fact]
    public async Task The_api_adds_also_covered_by_to_an_article_and_more_coverage_to_a_collapsed_list()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var article = await GetJson(client, $"/api/articles/{Ernie2}");
        var alone = await GetJson(client, $"/api/articles/{Alone}");
        var list = await GetJson(client, "/api/articles");
        var collapsed = await GetJson(client, "/api/articles?collapse=1");

        var other = Assert.Single(article.GetProperty("alsoCoveredBy").EnumerateArray());
        Assert.Equal(Ernie1, other.GetProperty("id").GetString());
        Assert.Equal("百度发布文心大模型4.0，称综合能力不逊于GPT-4", other.GetProperty("title").GetString());
        Assert.StartsWith($"/articles/{Ernie1}/", other.GetProperty("url").GetString());
        Assert.Equal("https://www.thepaper.cn/newsDetail_forward_24960001", other.GetProperty("link").GetString());
        Assert.Equal("www.thepaper.cn", other.GetProperty("source").GetString());
        Assert.Equal("2023-10-17", other.GetProperty("date").GetString());
        Assert.Empty(alone.GetProperty("alsoCoveredBy").EnumerateArray());
        Assert.Equal(5, list.GetProperty("total").GetInt32());
        Assert.All(list.GetProperty("items").EnumerateArray(), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("moreCoverage").ValueKind));
        Assert.Equal(3, collapsed.GetProperty("total").GetInt32());
        Assert.Equal([1, 1, 0], collapsed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("moreCoverage").GetInt32()));
    }

    [Fact]
    public async Task The_ingestion_report_lists_each_story_with_links_to_its_articles()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var page = await Get(client, "/ingestion");
        var json = await GetJson(client, "/api/ingestion");

        var section = page.QuerySelector("section[aria-labelledby=stories-heading]")!;
        Assert.Equal("2", section.QuerySelector("h2 .count")!.TextContent);
        var stories = section.QuerySelectorAll("tbody.story")
            .Select(s => s.QuerySelectorAll("td a").Select(a => a.GetAttribute("href")!.Split('/')[2]).ToList())
            .ToList();
        Assert.Equal([[Seed, SeedRepost], [Ernie2, Ernie1]], stories);
        Assert.Equal($"002_{Ernie1}.txt", section.QuerySelectorAll("tbody.story")[1].QuerySelectorAll("code")[1].TextContent);
        var clusters = json.GetProperty("clusters").EnumerateArray()
            .Select(c => c.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList())
            .ToList();
        Assert.Equal([[Seed, SeedRepost], [Ernie2, Ernie1]], clusters);
        Assert.Equal($"001_{SeedRepost}.txt", json.GetProperty("clusters")[0].GetProperty("articles")[1].GetProperty("file").GetString());
    }

    [Fact]
    public async Task Editing_an_article_out_of_its_story_updates_the_pages_after_the_next_scan()
    {
        using var app = Corpus();
        var client = await app.StartAsync();
        Assert.NotNull((await Article(client, Ernie1)).QuerySelector("#also-covered-by"));

        app.WriteFile($"003_{Ernie2}.txt", Digests.Make(
            "百度智能云千帆平台升级", "科技", "千帆", "云计算", date: "2023-10-20", link: "https://tech.sina.com.cn/i/2023-10-20/doc-other.shtml"));
        await app.RescanAsync();

        Assert.Null((await Article(client, Ernie1)).QuerySelector("#also-covered-by"));
        Assert.Equal(1, (await GetJson(client, "/api/ingestion")).GetProperty("clusters").GetArrayLength());
        Assert.Equal(4, (await GetJson(client, "/api/articles?collapse=1")).GetProperty("total").GetInt32());
    }

    private static List<string> CardIds(IHtmlDocument page) =>
        page.QuerySelectorAll(".article-list .card-title a").Select(a => a.GetAttribute("href")!.Split('/')[2]).ToList();

    private static async Task<IHtmlDocument> Article(HttpClient client, string id)
    {
        var redirect = await client.GetAsync($"/articles/{id}");
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        return await Get(client, redirect.Headers.Location!.OriginalString);
    }

    private static async Task<IHtmlDocument> Get(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        return await TestApp.ParseHtml(response);
    }

    private static async Task<JsonElement> GetJson(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
