using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using NewsDigest.Web.Tests.Infrastructure;

namespace NewsDigest.Web.Tests.Pages;

/// <summary>
/// The ingestion report at scale, through HTTP: counts per kind of problem at the top, the files
/// with problems newest first a page at a time, filtered by ?reason=, article ids linked, the
/// other lists capped with a link to the rest; /api/ingestion paged and filtered the same way.
/// </summary>
public sealed class IngestionReportTests
{
    private const int UntitledFiles = 55;
    private const string Taken = "00000000000000e1";
    private const string Repost = "00000000000000e2";
    private const string BrokenLater = "00000000000000e3";

    /// <summary>55 files without a title (more than a page), and one file of each other kind:
    /// empty, not .txt, a date that is not one, a repost of an earlier article's link.</summary>
    private static TestApp Corpus()
    {
        var app = new TestApp()
            .WithRealSeed()
            .WithFile($"001_{Taken}.txt", Digests.Make("原文", link: "https://news.example.com/original"))
            .WithFile($"002_{Repost}.txt", Digests.Make("转载", link: "https://news.example.com/original"))
            .WithFile($"003_{BrokenLater}.txt", Digests.Make("以后会坏的文章"))
            .WithFile("dated.txt", Digests.Make("日期写错了", date: "去年夏天"))
            .WithFile("empty.txt", "")
            .WithFile("notes.md", "# not a digest");
        for (var i = 0; i < UntitledFiles; i++)
        {
            app.WithFile($"untitled/{i:D2}.txt", "总结：没有标题的文件\n");
        }

        return app;
    }

    private static async Task<IHtmlDocument> Get(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        Assert.True(expected == response.StatusCode, $"{url}: {response.StatusCode}");
        return await TestApp.ParseHtml(response);
    }

    private static async Task<JsonElement> GetJson(HttpClient client, string url) =>
        JsonDocument.Parse(await client.GetStringAsync(url)).RootElement;

    private static Dictionary<string, int> ReasonCounts(IHtmlDocument page) =>
        page.QuerySelectorAll("nav.reasons a[href*='reason=']").ToDictionary(
            a => a.GetAttribute("href")!.Split("reason=")[1].Split('#')[0],
            a => int.Parse(a.QuerySelector(".count")!.TextContent, System.Globalization.CultureInfo.InvariantCulture));

    private static List<string> Files(IHtmlDocument page) =>
        page.QuerySelectorAll("#problems table tbody tr").Select(r => r.QuerySelector("code")!.TextContent).ToList();

    [Fact]
    public async Task The_report_counts_files_per_kind_of_problem_and_lists_the_newest_a_page_at_a_time()
    {
        using var app = Corpus();
        var client = await app.StartAsync();
        app.WriteFile("a-late.txt", "总结：后来才加进来的坏文件\n");
        await app.RescanAsync();

        var first = await Get(client, "/ingestion");
        var second = await Get(client, "/ingestion?page=2");

        Assert.Equal(
            new Dictionary<string, int> { ["no-title"] = UntitledFiles + 1, ["empty-file"] = 1, ["not-txt"] = 1, ["bad-date"] = 1, ["duplicate-link"] = 1 },
            ReasonCounts(first));
        Assert.Equal("60", first.QuerySelector("#problems-heading .count")?.TextContent);
        Assert.Equal(50, Files(first).Count);
        Assert.Equal(10, Files(second).Count);
        Assert.Equal("a-late.txt", Files(first)[0]);
        Assert.Empty(Files(first).Intersect(Files(second)));
        var times = first.QuerySelectorAll("#problems tbody time").Concat(second.QuerySelectorAll("#problems tbody time"))
            .Select(t => t.GetAttribute("datetime")!).ToList();
        Assert.Equal(times.OrderDescending(StringComparer.Ordinal), times);
        Assert.Equal("/ingestion?page=2#problems", first.QuerySelector("#problems .pager a[rel=next]")?.GetAttribute("href"));
        Assert.Equal("/ingestion#problems", second.QuerySelector("#problems .pager a[rel=prev]")?.GetAttribute("href"));
        Assert.Equal("http://localhost/ingestion?page=2", second.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Filtering_by_kind_lists_only_those_files_at_one_address_per_view()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        // Other spellings first: the output cache keys a page by its parameters in any order.
        var reordered = await client.GetAsync("/ingestion?page=2&reason=no-title");
        var firstPage = await client.GetAsync("/ingestion?reason=no-title&page=1");
        var dated = await Get(client, "/ingestion?reason=bad-date");
        var untitled = await Get(client, "/ingestion?reason=no-title&page=2");

        Assert.Equal(["dated.txt"], Files(dated));
        Assert.Contains("去年夏天", dated.QuerySelector("#problems tbody tr")!.TextContent);
        Assert.Equal("page", dated.QuerySelector("nav.reasons a[href='/ingestion?reason=bad-date#problems']")?.GetAttribute("aria-current"));
        Assert.Null(dated.QuerySelector("nav.reasons a[href='/ingestion#problems']")?.GetAttribute("aria-current"));
        Assert.Equal("http://localhost/ingestion?reason=bad-date", dated.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal(UntitledFiles - 50, Files(untitled).Count);
        Assert.All(Files(untitled), f => Assert.StartsWith("untitled/", f));
        Assert.Equal("/ingestion?reason=no-title#problems", untitled.QuerySelector("#problems .pager a[rel=prev]")?.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.Redirect, reordered.StatusCode);
        Assert.Equal("/ingestion?reason=no-title&page=2", reordered.Headers.Location?.OriginalString);
        Assert.Equal("/ingestion?reason=no-title", firstPage.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/ingestion?reason=no-such-kind", HttpStatusCode.BadRequest)]
    [InlineData("/ingestion?page=abc", HttpStatusCode.BadRequest)]
    [InlineData("/ingestion?page=0", HttpStatusCode.BadRequest)]
    [InlineData("/ingestion?page=99999999999", HttpStatusCode.BadRequest)]
    [InlineData("/ingestion?page=3", HttpStatusCode.NotFound)]
    [InlineData("/ingestion?reason=bad-date&page=2", HttpStatusCode.NotFound)]
    [InlineData("/ingestion/stories?page=x", HttpStatusCode.BadRequest)]
    [InlineData("/ingestion/stories?page=2", HttpStatusCode.NotFound)]
    public async Task Bad_parameters_get_a_readable_error_page_never_a_500(string url, HttpStatusCode expected)
    {
        using var app = Corpus();
        var client = await app.StartAsync();
        client.DefaultRequestHeaders.Add("Accept-Language", "en");

        var page = await Get(client, url, expected);

        Assert.Equal("text/html", (await client.GetAsync(url)).Content.Headers.ContentType?.MediaType);
        if (expected == HttpStatusCode.BadRequest)
        {
            Assert.Equal("This address has a parameter we cannot read", page.QuerySelector("#bad-request")?.TextContent);
        }
    }

    [Fact]
    public async Task Article_ids_link_to_their_articles_including_the_one_a_broken_file_keeps_online()
    {
        using var app = Corpus();
        var client = await app.StartAsync();
        app.WriteFile($"003_{BrokenLater}.txt", "总结：标题被删掉了\n");
        await app.RescanAsync();

        var newest = (await Get(client, "/ingestion")).QuerySelector("#problems tbody tr")!;
        var repost = Assert.Single((await Get(client, "/ingestion?reason=duplicate-link")).QuerySelectorAll("#problems tbody tr"));
        var empty = Assert.Single((await Get(client, "/ingestion?reason=empty-file")).QuerySelectorAll("#problems tbody tr"));

        Assert.Equal($"003_{BrokenLater}.txt", newest.QuerySelector("code")?.TextContent);
        Assert.Equal([$"/articles/{BrokenLater}"], newest.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal(BrokenLater, newest.QuerySelector("a")?.TextContent);
        Assert.Equal([$"/articles/{Repost}", $"/articles/{Taken}"], repost.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Empty(empty.QuerySelectorAll("a"));
        var article = await client.GetAsync($"/articles/{BrokenLater}");
        Assert.Equal(HttpStatusCode.MovedPermanently, article.StatusCode);
    }

    [Fact]
    public async Task Stories_are_capped_on_the_report_and_paged_on_their_own_page()
    {
        using var app = new TestApp().WithRealSeed();
        for (var i = 0; i < 12; i++)
        {
            var link = $"https://news.example.com/story-{i}";
            // A month apart: only the shared link makes a story, never the similar titles.
            app.WithFile($"{2 * i:D3}_00000000000001{2 * i:D2}.txt", Digests.Make($"第{i}个事件的原文", link: link, date: $"2024-{i + 1:D2}-10"));
            app.WithFile($"{2 * i + 1:D3}_00000000000001{2 * i + 1:D2}.txt", Digests.Make($"第{i}个事件的转载", link: link, date: $"2024-{i + 1:D2}-10"));
        }

        var client = await app.StartAsync();

        var report = await Get(client, "/ingestion");
        var stories = await Get(client, "/ingestion/stories");

        var section = report.QuerySelector("section[aria-labelledby=stories-heading]")!;
        Assert.Equal("12", section.QuerySelector("h2 .count")!.TextContent);
        Assert.Equal(10, section.QuerySelectorAll("tbody.story").Length);
        Assert.Equal("/ingestion/stories", section.QuerySelector("a[href='/ingestion/stories']")?.GetAttribute("href"));
        Assert.Equal(12, stories.QuerySelectorAll("tbody.story").Length);
        // Newest story first, as on the report.
        Assert.StartsWith("第11个事件", stories.QuerySelector("tbody.story a")!.TextContent);
        Assert.Equal(
            section.QuerySelectorAll("tbody.story th").Select(t => t.TextContent),
            stories.QuerySelectorAll("tbody.story th").Take(10).Select(t => t.TextContent));
    }

    [Fact]
    public async Task The_api_pages_files_newest_first_and_filters_by_kind_and_status_keeping_its_fields()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var all = await GetJson(client, "/api/ingestion");
        var paged = await GetJson(client, "/api/ingestion?pageSize=25");
        var next = await GetJson(client, paged.GetProperty("next").GetString()!);
        var untitled = await GetJson(client, "/api/ingestion?reason=no-title&pageSize=50");
        var problems = await GetJson(client, "/api/ingestion?reason=any");
        var rejected = await GetJson(client, "/api/ingestion?status=rejected&reason=empty-file");

        foreach (var field in (string[])["lastRun", "files", "clusters", "scanError", "unreadableFolders", "interruptedRuns"])
        {
            Assert.True(all.TryGetProperty(field, out _), field);
        }

        const int Known = 1 + 3 + 3 + UntitledFiles;
        Assert.Equal(Known, all.GetProperty("total").GetInt32());
        Assert.Equal(Known, all.GetProperty("files").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, all.GetProperty("next").ValueKind);
        Assert.Equal(25, paged.GetProperty("files").GetArrayLength());
        Assert.Equal(3, paged.GetProperty("pageCount").GetInt32());
        Assert.Equal("/api/ingestion?page=2&pageSize=25", paged.GetProperty("next").GetString());
        Assert.Equal("/api/ingestion?pageSize=25", next.GetProperty("prev").GetString());
        Assert.Empty(FileNames(paged).Intersect(FileNames(next)));
        var updated = FileTimes(all);
        Assert.Equal(updated.OrderDescending(StringComparer.Ordinal), updated);
        Assert.Equal(UntitledFiles, untitled.GetProperty("total").GetInt32());
        Assert.Equal("/api/ingestion?reason=no-title&page=2&pageSize=50", untitled.GetProperty("next").GetString());
        Assert.All(untitled.GetProperty("files").EnumerateArray(), f => Assert.Equal(["no-title"], f.GetProperty("reasonKinds").EnumerateArray().Select(k => k.GetString())));
        Assert.Equal(UntitledFiles + 4, problems.GetProperty("total").GetInt32());
        Assert.Equal(UntitledFiles + 4, problems.GetProperty("problemFiles").GetInt32());
        Assert.Equal(["empty.txt"], FileNames(rejected));
        var counts = all.GetProperty("reasons").EnumerateArray().ToDictionary(r => r.GetProperty("kind").GetString()!, r => (r.GetProperty("problem").GetString(), r.GetProperty("count").GetInt32()));
        Assert.Equal(("rejected", UntitledFiles), counts["no-title"]);
        Assert.Equal(("warning", 1), counts["bad-date"]);
        Assert.Equal(("warning", 1), counts["duplicate-link"]);
        Assert.Equal(5, counts.Count);
    }

    [Theory]
    [InlineData("/api/ingestion?reason=nonsense", "reason")]
    [InlineData("/api/ingestion?status=lost", "status")]
    [InlineData("/api/ingestion?status=Unchanged", "status")]
    [InlineData("/api/ingestion?status=2", "status")]
    [InlineData("/api/ingestion?page=-1", "page")]
    [InlineData("/api/ingestion?pageSize=abc", "pageSize")]
    [InlineData("/api/ingestion/clusters?page=abc", "page")]
    public async Task Bad_api_parameters_are_problem_details_naming_the_parameter(string url, string parameter)
    {
        using var app = new TestApp().WithRealSeed();
        var client = await app.StartAsync();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task The_api_pages_story_clusters_apart_and_names_the_next_page()
    {
        using var app = new TestApp().WithRealSeed();
        for (var i = 0; i < 7; i++)
        {
            var link = $"https://news.example.com/story-{i}";
            app.WithFile($"{2 * i:D3}_00000000000002{2 * i:D2}.txt", Digests.Make($"第{i}个事件的原文", link: link, date: $"2024-{i + 1:D2}-10"));
            app.WithFile($"{2 * i + 1:D3}_00000000000002{2 * i + 1:D2}.txt", Digests.Make($"第{i}个事件的转载", link: link, date: $"2024-{i + 1:D2}-10"));
        }

        var client = await app.StartAsync();

        var report = await GetJson(client, "/api/ingestion");
        var first = await GetJson(client, "/api/ingestion/clusters?pageSize=5");
        var second = await GetJson(client, first.GetProperty("next").GetString()!);

        Assert.Equal(7, report.GetProperty("clusters").GetArrayLength());
        Assert.Equal(7, report.GetProperty("clusterCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("clustersNext").ValueKind);
        Assert.Equal(7, first.GetProperty("total").GetInt32());
        Assert.Equal("/api/ingestion/clusters?page=2&pageSize=5", first.GetProperty("next").GetString());
        Assert.Equal(2, second.GetProperty("clusters").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
        Assert.Equal(
            report.GetProperty("clusters").EnumerateArray().Select(Ids),
            first.GetProperty("clusters").EnumerateArray().Concat(second.GetProperty("clusters").EnumerateArray()).Select(Ids));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_parameters_fields_and_problems()
    {
        using var app = new TestApp().WithRealSeed();
        var client = await app.StartAsync();

        var doc = await GetJson(client, "/openapi/v1.json");

        var paths = doc.GetProperty("paths");
        foreach (var (path, parameters) in new[] { ("/api/ingestion", new[] { "reason", "status", "page", "pageSize" }), ("/api/ingestion/clusters", ["page", "pageSize"]) })
        {
            var get = paths.GetProperty(path).GetProperty("get");
            Assert.Equal(parameters, get.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
            Assert.All(get.GetProperty("parameters").EnumerateArray(), p => Assert.False(string.IsNullOrEmpty(p.GetProperty("description").GetString())));
            Assert.All(["400", "405", "429", "500"], code => Assert.True(
                get.GetProperty("responses").GetProperty(code).GetProperty("content").TryGetProperty("application/problem+json", out _), $"{path} {code}"));
            Assert.True(get.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("application/json", out _), path);
        }

        var report = doc.GetProperty("components").GetProperty("schemas").GetProperty("IngestionJson").GetProperty("properties");
        Assert.All(
            ["lastRun", "total", "page", "pageSize", "pageCount", "next", "prev", "files", "problemFiles", "reasons", "clusters", "clusterCount", "clustersNext", "scanError", "unreadableFolders", "interruptedRuns"],
            field => Assert.True(report.TryGetProperty(field, out _), field));
    }

    private static List<string> FileNames(JsonElement report) =>
        report.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("file").GetString()!).ToList();

    private static List<string> FileTimes(JsonElement report) =>
        report.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("updatedAt").GetString()!).ToList();

    private static string Ids(JsonElement cluster) =>
        string.Join(",", cluster.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
}
