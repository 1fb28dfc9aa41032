using System.Net;
using AngleSharp.Html.Dom;
using NewsDigest.Web.Tests.Infrastructure;

namespace NewsDigest.Web.Tests.Pages;

public sealed class ListPageTests
{
    private static TestApp Corpus()
    {
        var app = new TestApp().WithRealSeed();
        app.WriteFile("001_00000000000000b1.txt", Digests.Make("医疗大模型落地", "医疗", "大模型", date: "2024-05-01"));
        app.WriteFile("002_00000000000000b2.txt", Digests.Make("银行引入风控模型", "金融", "机器学习", date: "2024-05-02"));
        app.WriteFile("003_00000000000000b3.txt", Digests.Make("影像诊断新进展", "医疗", "计算机视觉", date: "2024-05-03"));
        app.WriteFile("004_00000000000000b4.txt", Digests.Make("智能辅导助手", "教育", "大模型、自然语言处理", date: "2024-05-04"));
        return app;
    }

    private static async Task<IHtmlDocument> Get(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        return await TestApp.ParseHtml(response);
    }

    private static List<string> Titles(IHtmlDocument page) =>
        page.QuerySelectorAll(".article-list .card-title a").Select(a => a.TextContent.Trim()).ToList();

    [Fact]
    public async Task Home_lists_newest_first_with_title_link_date_source_and_tags()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var page = await Get(client, "/");

        Assert.Equal(["国产大模型“诸神之战”出路何方", "智能辅导助手", "影像诊断新进展", "银行引入风控模型", "医疗大模型落地"], Titles(page));
        var seed = page.QuerySelectorAll(".card")[0];
        Assert.StartsWith("/articles/77fc480992936622/", seed.QuerySelector(".card-title a")!.GetAttribute("href"));
        Assert.Equal("baijiahao.baidu.com", seed.QuerySelector(".source")!.TextContent);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", seed.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.StartsWith("5月26日", seed.QuerySelector(".excerpt")!.TextContent);
        Assert.Equal(["教育", "金融", "医疗"], seed.QuerySelectorAll("a.tag-industry").Select(a => a.TextContent));
        Assert.Equal("/?industry=%E6%95%99%E8%82%B2", seed.QuerySelector("a.tag-industry")!.GetAttribute("href"));
        Assert.Equal(["ChatGPT", "面壁露卡", "清雁科技"], seed.QuerySelectorAll("a.tag-tech").Select(a => a.TextContent));
        Assert.Equal("zh-Hans", seed.GetAttribute("lang"));
    }

    [Fact]
    public async Task Facet_panel_shows_counts_for_the_current_result_with_checked_values_first()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var page = await Get(client, "/?industry=%E5%8C%BB%E7%96%97");

        Assert.Equal(["国产大模型“诸神之战”出路何方", "影像诊断新进展", "医疗大模型落地"], Titles(page));
        var industries = page.QuerySelectorAll(".facet-list[data-kind=industry] a.facet");
        Assert.Equal("医疗", industries[0].QuerySelector(".facet-value")!.TextContent);
        Assert.Contains("is-selected", industries[0].ClassList);
        Assert.Equal("3", industries[0].QuerySelector(".facet-count")!.TextContent);
        var tech = page.QuerySelectorAll(".facet-list[data-kind=tech] a.facet")
            .ToDictionary(a => a.QuerySelector(".facet-value")!.TextContent, a => a.QuerySelector(".facet-count")!.TextContent);
        Assert.Equal("1", tech["大模型"]);
        Assert.Equal("1", tech["计算机视觉"]);
        Assert.False(tech.ContainsKey("机器学习"));
    }

    [Fact]
    public async Task Adding_a_second_kind_ands_and_a_chip_removes_one_filter()
    {
        using var app = Corpus();
        var client = await app.StartAsync();
        var first = await Get(client, "/?industry=%E5%8C%BB%E7%96%97");
        var addTech = first.QuerySelectorAll(".facet-list[data-kind=tech] a.facet")
            .Single(a => a.QuerySelector(".facet-value")!.TextContent == "大模型").GetAttribute("href")!;

        var both = await Get(client, addTech);

        Assert.Equal("/?industry=%E5%8C%BB%E7%96%97&tech=%E5%A4%A7%E6%A8%A1%E5%9E%8B", addTech);
        Assert.Equal(["医疗大模型落地"], Titles(both));
        var chips = both.QuerySelectorAll(".chips .chip");
        Assert.Equal(2, chips.Length);
        var removeIndustry = chips.Single(c => c.TextContent.Contains("医疗")).QuerySelector("a.chip-remove")!.GetAttribute("href")!;
        Assert.Equal("/?tech=%E5%A4%A7%E6%A8%A1%E5%9E%8B", removeIndustry);
        Assert.Equal(["智能辅导助手", "医疗大模型落地"], Titles(await Get(client, removeIndustry)));
    }

    [Fact]
    public async Task Values_of_one_kind_are_ored()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var page = await Get(client, "/?industry=%E6%95%99%E8%82%B2&industry=%E9%87%91%E8%9E%8D");

        Assert.Equal(["国产大模型“诸神之战”出路何方", "智能辅导助手", "银行引入风控模型"], Titles(page));
    }

    [Theory]
    [InlineData("/?tech=%E5%A4%A7%E6%A8%A1%E5%9E%8B&industry=%E5%8C%BB%E7%96%97", "/?industry=%E5%8C%BB%E7%96%97&tech=%E5%A4%A7%E6%A8%A1%E5%9E%8B")]
    [InlineData("/?page=1", "/")]
    [InlineData("/?q=", "/")]
    [InlineData("/?industry=+%E5%8C%BB%E7%96%97+", "/?industry=%E5%8C%BB%E7%96%97")]
    public async Task Every_state_redirects_to_its_canonical_url(string url, string canonical)
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(canonical, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Canonical_link_and_description_on_list_pages()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var page = await Get(client, "/?industry=%E5%8C%BB%E7%96%97");

        Assert.Equal("http://localhost/?industry=%E5%8C%BB%E7%96%97", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Contains("医疗", page.Title);
        Assert.NotNull(page.QuerySelector("meta[name=description]")?.GetAttribute("content"));
    }

    [Fact]
    public async Task Pagination_links_and_edges()
    {
        using var app = new TestApp();
        for (var i = 1; i <= 45; i++)
        {
            app.WriteFile($"{i:D3}_{i:x16}.txt", Digests.Make($"第{i}篇", date: $"2024-01-{(i % 28) + 1:D2}"));
        }

        var client = await app.StartAsync();

        var first = await Get(client, "/");
        var second = await Get(client, "/?page=2");
        var last = await Get(client, "/?page=3");

        Assert.Equal(20, Titles(first).Count);
        Assert.Null(first.QuerySelector(".pager a[rel=prev]"));
        Assert.Equal("/?page=2", first.QuerySelector(".pager a[rel=next]")?.GetAttribute("href"));
        Assert.Equal("/", second.QuerySelector(".pager a[rel=prev]")?.GetAttribute("href"));
        Assert.Equal("2", second.QuerySelector(".pager [aria-current=page]")?.TextContent);
        Assert.Equal(5, Titles(last).Count);
        Assert.Null(last.QuerySelector(".pager a[rel=next]"));
        Assert.Empty(Titles(first).Intersect(Titles(second)));
        await Get(client, "/?page=4", HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/?page=abc")]
    [InlineData("/?page=0")]
    [InlineData("/?sort=upside-down")]
    public async Task Malformed_parameters_are_a_400_page(string url)
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var page = await Get(client, url, HttpStatusCode.BadRequest);

        Assert.NotNull(page.QuerySelector("main .empty-state a[href='/']"));
    }

    [Fact]
    public async Task Empty_states_say_what_to_do()
    {
        using var app = new TestApp();
        var client = await app.StartAsync();

        var empty = await Get(client, "/");
        var noMatch = await Get(client, "/?industry=%E4%B8%8D%E5%AD%98%E5%9C%A8");

        Assert.NotNull(empty.QuerySelector(".empty-state a[href='/ingestion']"));
        Assert.NotNull(noMatch.QuerySelector(".empty-state a[href='/']"));
        Assert.NotNull(noMatch.QuerySelector(".chips a.chip-remove[href='/']"));
    }

    [Fact]
    public async Task Chinese_text_is_not_entity_encoded()
    {
        using var app = new TestApp().WithRealSeed();
        var client = await app.StartAsync();

        var html = await client.GetStringAsync("/");

        Assert.Contains("诸神之战", html);
        Assert.DoesNotContain("&#x", html);
    }

    [Fact]
    public async Task Page_has_landmarks_skip_link_and_labelled_search()
    {
        using var app = new TestApp().WithRealSeed();
        var client = await app.StartAsync();

        var page = await Get(client, "/");

        Assert.NotNull(page.QuerySelector("a.skip-link[href='#main']"));
        Assert.NotNull(page.QuerySelector("header"));
        Assert.NotNull(page.QuerySelector("main#main"));
        Assert.NotNull(page.QuerySelector("footer"));
        Assert.NotNull(page.QuerySelector("nav[aria-label]"));
        var input = page.QuerySelector("form[role=search] input[name=q]")!;
        Assert.NotNull(page.QuerySelector($"label[for={input.Id}]"));
    }
}
