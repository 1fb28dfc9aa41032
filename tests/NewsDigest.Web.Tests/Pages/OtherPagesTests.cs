using System.Net;
using System.Xml.Linq;
using AngleSharp.Html.Dom;
using NewsDigest.Web.Tests.Infrastructure;

namespace NewsDigest.Web.Tests.Pages;

public sealed class OtherPagesTests
{
    private static TestApp Corpus() => new TestApp()
        .WithRealSeed()
        .WithFile("001_00000000000000d1.txt", Digests.Make("医疗一", "医疗", "大模型", "芯片"))
        .WithFile("002_00000000000000d2.txt", Digests.Make("医疗二", "医疗, 制药", "大模型", "芯片"))
        .WithFile("bad.txt", "总结：没有标题的文件\n");

    private static async Task<IHtmlDocument> Get(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        return await TestApp.ParseHtml(response);
    }

    [Fact]
    public async Task Tags_page_lists_every_tag_with_its_count_grouped_by_kind()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var page = await Get(client, "/tags");

        var industries = page.QuerySelectorAll("#industry a.tag").ToDictionary(a => a.ChildNodes[0].TextContent.Trim(), a => a.QuerySelector(".count")!.TextContent);
        Assert.Equal("3", industries["医疗"]);
        Assert.Equal("1", industries["制药"]);
        Assert.Equal("/tags/industry/%E5%8C%BB%E7%96%97", page.QuerySelector("#industry a.tag")!.GetAttribute("href"));
        Assert.NotEmpty(page.QuerySelectorAll("#tech a.tag"));
        Assert.NotEmpty(page.QuerySelectorAll("#keyword a.tag"));
    }

    [Fact]
    public async Task A_tag_page_has_heading_count_list_and_co_occurring_tags()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var page = await Get(client, "/tags/industry/%E5%8C%BB%E7%96%97");

        Assert.Equal("医疗", page.QuerySelector("h1")?.TextContent);
        Assert.Equal(3, page.QuerySelectorAll(".article-list .card").Length);
        var together = page.QuerySelectorAll("aside .facet .facet-value").Select(e => e.TextContent).ToList();
        Assert.Equal(["大模型", "芯片"], together.Take(2).Order());
        Assert.Equal("http://localhost/tags/industry/%E5%8C%BB%E7%96%97", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/tags/technology/%E5%A4%A7%E6%A8%A1%E5%9E%8B", "/tags/tech/%E5%A4%A7%E6%A8%A1%E5%9E%8B")]
    [InlineData("/tags/tech/chatgpt", "/tags/tech/ChatGPT")]
    public async Task Tag_pages_have_one_address(string url, string canonical)
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(canonical, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/tags/colour/red")]
    [InlineData("/tags/industry/%E4%B8%8D%E5%AD%98%E5%9C%A8")]
    public async Task Unknown_tags_are_404(string url)
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        await Get(client, url, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Ingestion_page_shows_counts_and_every_rejected_file_with_its_reason()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var page = await Get(client, "/ingestion");

        var stats = page.QuerySelectorAll(".stats .stat").ToDictionary(s => s.QuerySelector("dt")!.TextContent, s => s.QuerySelector("dd")!.TextContent);
        Assert.Equal("3", stats.Values.First());
        var row = Assert.Single(page.QuerySelectorAll("table.files tbody tr"));
        Assert.Equal("bad.txt", row.QuerySelector("code")?.TextContent);
        Assert.Contains("标题", row.QuerySelectorAll("td")[2].TextContent);
    }

    [Theory]
    [InlineData("en-US,en;q=0.9", "en", "Latest")]
    [InlineData("zh-CN,zh;q=0.9", "zh-Hans", "最新")]
    [InlineData("fr-FR", "zh-Hans", "最新")]
    public async Task Ui_language_follows_accept_language(string acceptLanguage, string lang, string latest)
    {
        using var app = Corpus();
        var client = await app.StartAsync();
        client.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);

        var page = await Get(client, "/");

        Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(latest, page.QuerySelector(".site-nav a[href='/']")?.TextContent);
        // Content is shown as written whatever the UI language.
        Assert.Equal("zh-Hans", page.QuerySelector(".card")?.GetAttribute("lang"));
    }

    [Fact]
    public async Task Language_and_theme_choices_are_remembered_in_cookies()
    {
        using var app = Corpus();
        var client = await app.StartAsync();
        client.DefaultRequestHeaders.Add("Accept-Language", "zh-CN");

        var language = await client.GetAsync("/settings/language?culture=en&returnUrl=%2Ftags");
        var theme = await client.GetAsync("/settings/theme?value=dark&returnUrl=%2F%2Fevil.example");
        var cookies = language.Headers.GetValues("Set-Cookie").Concat(theme.Headers.GetValues("Set-Cookie"))
            .Select(c => c.Split(';')[0]).ToList();
        var request = new HttpRequestMessage(HttpMethod.Get, "/tags");
        request.Headers.Add("Cookie", string.Join("; ", cookies));
        var page = await TestApp.ParseHtml(await client.SendAsync(request));

        Assert.Equal("/tags", language.Headers.Location?.OriginalString);
        Assert.Equal("/", theme.Headers.Location?.OriginalString);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("dark", page.DocumentElement.GetAttribute("data-theme"));
        Assert.Equal("All tags", page.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task Every_ui_string_has_a_chinese_translation()
    {
        var root = FindRepositoryRoot();
        var resx = XDocument.Load(Path.Combine(root, "src/NewsDigest.Web/Resources/SharedResource.zh-Hans.resx"));
        var translated = resx.Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
        var used = Directory.EnumerateFiles(Path.Combine(root, "src/NewsDigest.Web"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), @"\b(?:T|text)\[""([^""]+)""\]").Select(m => m.Groups[1].Value))
            .ToHashSet();

        Assert.NotEmpty(used);
        Assert.Empty(used.Except(translated));
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NewsDigest.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
