using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using NewsDigest.Web.Tests.Infrastructure;

namespace NewsDigest.Web.Tests.Pages;

/// <summary>/insights: the heat map's cells, counts and links, its table, trends, rising keywords,
/// filters and bad parameters; the tag page's sparkline.</summary>
public sealed class InsightsPageTests
{
    private const string Medical = "医疗";
    private const string LargeModels = "大模型";

    private static TestApp Corpus()
    {
        var app = new TestApp();
        app.WriteFile("001_00000000000000e1.txt", Digests.Make("医疗一", "医疗", "大模型", "人工智能", date: "2024-01-05"));
        app.WriteFile("002_00000000000000e2.txt", Digests.Make("医疗二", "医疗, 金融", "大模型, 计算机视觉", "芯片", date: "2024-02-05"));
        app.WriteFile("003_00000000000000e3.txt", Digests.Make("金融一", "金融", "计算机视觉", "芯片", date: "2024-03-05"));
        app.WriteFile("004_00000000000000e4.txt", Digests.Make("教育一", "教育", "大模型", "芯片", date: "2024-03-09"));
        app.WriteFile("005_00000000000000e5.txt", Digests.Make("教育二", "教育", "机器学习", "人工智能", date: "2023-06-01"));
        // Eleven more technologies, each once, so the map has more columns than it shows by default.
        var many = string.Join(", ", Enumerable.Range(1, 11).Select(i => $"量子{i:00}"));
        app.WriteFile("006_00000000000000e6.txt", Digests.Make("政务一", "政务", many, "人工智能", date: "2024-03-20"));
        return app;
    }

    private static async Task<IHtmlDocument> Get(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        return await TestApp.ParseHtml(response);
    }

    private static string E(string value) => Uri.EscapeDataString(value);

    private static Dictionary<(string Industry, string Tech), IElement> Cells(IHtmlDocument page) =>
        page.QuerySelectorAll("svg.heatmap a.cell").ToDictionary(a => (a.GetAttribute("data-industry")!, a.GetAttribute("data-tech")!));

    [Fact]
    public async Task The_heat_map_has_one_linked_cell_per_industry_and_technology_with_its_count()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var page = await Get(client, "/insights");

        var svg = page.QuerySelector("svg.heatmap")!;
        Assert.Equal("group", svg.GetAttribute("role"));
        Assert.Equal("map-heading", svg.GetAttribute("aria-labelledby"));
        Assert.NotNull(svg.GetAttribute("viewBox"));
        var cells = Cells(page);
        // Rows: 医疗, 教育, 金融 (two articles each), 政务; columns: the top 10 of 14 technologies.
        Assert.Equal(4 * 10, cells.Count);
        Assert.All(cells.Values, cell => Assert.Single(cell.QuerySelectorAll("rect")));
        var cell = cells[(Medical, LargeModels)];
        Assert.Equal("2", cell.GetAttribute("data-count"));
        Assert.Equal("2", cell.QuerySelector("text")!.TextContent);
        Assert.Contains("2", cell.QuerySelector("title")!.TextContent);
        Assert.Equal($"/?industry={E(Medical)}&tech={E(LargeModels)}", cell.GetAttribute("href"));
        Assert.Equal("heat-5", cell.ClassList.Single(c => c.StartsWith("heat-", StringComparison.Ordinal)));
        Assert.Equal("0", cells[(Medical, "机器学习")].GetAttribute("data-count"));
        Assert.Contains("heat-0", cells[(Medical, "机器学习")].ClassList);
        Assert.Equal("2", cells[("金融", "计算机视觉")].GetAttribute("data-count"));
        Assert.Equal(
            ["医疗", "教育", "金融", "政务"],
            page.QuerySelectorAll("svg.heatmap .row-label").Select(t => t.TextContent));
    }

    [Fact]
    public async Task The_table_fallback_has_the_same_numbers_as_the_cells()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var page = await Get(client, "/insights");

        var cells = Cells(page);
        var table = page.QuerySelector("details.chart-data table.heatmap-table")!;
        var technologies = table.QuerySelectorAll("thead th").Skip(1).Select(th => th.TextContent).ToList();
        Assert.Equal(10, technologies.Count);
        var rows = table.QuerySelectorAll("tbody tr");
        Assert.Equal(4, rows.Length);
        foreach (var row in rows)
        {
            var industry = row.QuerySelector("th")!.TextContent;
            var values = row.QuerySelectorAll("td a").ToList();
            for (var c = 0; c < technologies.Count; c++)
            {
                var cell = cells[(industry, technologies[c])];
                Assert.Equal(cell.GetAttribute("data-count"), values[c].TextContent);
                Assert.Equal(cell.GetAttribute("href"), values[c].GetAttribute("href"));
            }
        }
    }

    [Fact]
    public async Task All_shows_every_technology_and_the_top_view_links_to_it()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var top = await Get(client, "/insights");
        var all = await Get(client, "/insights?all=1");

        Assert.Equal("/insights?all=1", top.QuerySelector(".chart-more a")!.GetAttribute("href"));
        Assert.Equal(4 * 14, Cells(all).Count);
        Assert.Equal("/insights", all.QuerySelector(".chart-more a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_filter_and_a_search_narrow_every_chart_and_every_cell_links_to_exactly_its_articles()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var page = await Get(client, $"/insights?q={E(Medical)}&tech={E(LargeModels)}");

        Assert.Contains("2", page.QuerySelector(".result-count")!.TextContent);
        var cells = Cells(page);
        // Both matches are 医疗 (one also 金融); the tech filter keeps the one chosen column.
        Assert.Equal([(Medical, LargeModels), ("金融", LargeModels)], cells.Keys.Order());
        Assert.Equal($"/?q={E(Medical)}&industry={E(Medical)}&tech={E(LargeModels)}", cells[(Medical, LargeModels)].GetAttribute("href"));
        foreach (var cell in cells.Values)
        {
            var list = await Get(client, cell.GetAttribute("href")!);
            var count = Regex.Match(list.QuerySelector(".result-count")!.TextContent, @"\d+").Value;
            Assert.Equal(cell.GetAttribute("data-count"), count);
        }
    }

    [Fact]
    public async Task An_industry_filter_keeps_the_rows_to_the_chosen_industry()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var page = await Get(client, $"/insights?industry={E(Medical)}");

        Assert.Equal([Medical], page.QuerySelectorAll("svg.heatmap .row-label").Select(t => t.TextContent));
        Assert.Equal("2", Cells(page)[(Medical, LargeModels)].GetAttribute("data-count"));
        Assert.Equal("1", Cells(page)[(Medical, "计算机视觉")].GetAttribute("data-count"));
        Assert.Equal([Medical], page.QuerySelectorAll(".small-multiples .trend-title a").Take(1).Select(a => a.TextContent));
        Assert.Equal($"/insights", page.QuerySelector(".chips .chip-industry a.chip-remove")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Trends_chart_every_month_and_rising_keywords_compare_the_last_two()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var page = await Get(client, "/insights");

        var overall = page.QuerySelector(".trend-main svg.trend")!;
        Assert.Equal("img", overall.GetAttribute("role"));
        Assert.False(string.IsNullOrEmpty(overall.GetAttribute("aria-label")));
        Assert.NotNull(overall.QuerySelector("title"));
        Assert.Equal(["2023-06", "2023-10", "2024-03"], overall.QuerySelectorAll("text.tick[text-anchor]").Where(t => !t.HasAttribute("dominant-baseline")).Select(t => t.TextContent));
        var industries = page.QuerySelector("table.trend-table[data-kind=industry]")!;
        Assert.Equal(10, industries.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(["医疗", "教育", "金融", "政务"], industries.QuerySelectorAll("thead th").Skip(1).Select(th => th.TextContent));
        var march = industries.QuerySelectorAll("tbody tr").Last();
        Assert.Equal(["2024-03", "0", "1", "1", "1"], march.Children.Select(c => c.TextContent));

        // February: 芯片; March: 芯片 twice and 人工智能.
        var rising = page.QuerySelectorAll("ol.rising li");
        Assert.Equal(["芯片", "人工智能"], rising.Select(li => li.QuerySelector("a")!.TextContent));
        Assert.Equal("1 → 2", rising[0].QuerySelector(".rising-counts [aria-hidden]")!.TextContent);
        Assert.Equal($"/?keyword={E("芯片")}", rising[0].QuerySelector("a")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/insights?page=abc")]
    [InlineData("/insights?all=2")]
    [InlineData("/insights?sort=oldest")]
    public async Task Unreadable_parameters_are_400(string url)
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var page = await Get(client, url, HttpStatusCode.BadRequest);

        Assert.NotNull(page.QuerySelector("#bad-request"));
        Assert.Null(page.QuerySelector("svg.heatmap"));
    }

    [Fact]
    public async Task Too_long_a_tag_value_is_400()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        await Get(client, "/insights?industry=" + new string('x', 101), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/insights?tech=b&industry=a", "/insights?industry=a&tech=b")]
    [InlineData("/insights?page=2&sort=newest", "/insights")]
    [InlineData("/insights?all=1&q=x", "/insights?q=x&all=1")]
    public async Task Other_spellings_redirect_to_the_one_address(string url, string canonical)
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(canonical, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_view_without_articles_says_so()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var page = await Get(client, $"/insights?industry={E("不存在")}");

        Assert.NotNull(page.QuerySelector(".empty-state"));
        Assert.Null(page.QuerySelector("svg"));
    }

    [Fact]
    public async Task Insights_are_cached_and_validated_like_the_list()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var first = await client.GetAsync("/insights");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/insights");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var second = await client.SendAsync(again);

        Assert.True(first.Headers.CacheControl?.MaxAge > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task The_header_and_the_list_link_to_insights_for_the_current_view()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var list = await Get(client, $"/?q={E(Medical)}&tech={E(LargeModels)}&sort=newest");
        var home = await Get(client, "/");

        Assert.Equal($"/insights?q={E(Medical)}&tech={E(LargeModels)}", list.QuerySelector("a.insights-link")!.GetAttribute("href"));
        Assert.NotNull(home.QuerySelector(".site-nav a[href='/insights']"));
    }

    [Fact]
    public async Task A_tag_page_has_a_sparkline_of_its_articles_over_time()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var page = await Get(client, $"/tags/industry/{E(Medical)}");

        var sparkline = page.QuerySelector(".sparkline svg.trend")!;
        Assert.Equal("img", sparkline.GetAttribute("role"));
        Assert.Contains("2024-01", sparkline.GetAttribute("aria-label"));
        Assert.NotNull(sparkline.QuerySelector("title"));
        // 医疗: January and February 2024, counted by week (the span is under half a year).
        Assert.Equal(6, sparkline.QuerySelector("polyline")!.GetAttribute("points")!.Split(' ').Length);
        Assert.Equal($"/insights?industry={E(Medical)}", page.QuerySelector("a.insights-link")!.GetAttribute("href"));
    }
}
