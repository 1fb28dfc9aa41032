using System.Net;
using System.Text.Json;
using NewsDigest.Web.Tests.Infrastructure;

namespace NewsDigest.Web.Tests.Api;

public sealed class ArticlesApiTests
{
    private static string Digest(string title, string industries, string technologies, string keywords = "人工智能", string date = "2024-05-01") =>
        $"""
        标题：{title}
        链接：https://example.com/{Uri.EscapeDataString(title)}
        日期：{date}
        总结：{title}的正文。大模型正在改变这个行业。
        关键词：{keywords}
        AI技术：{technologies}
        行业：{industries}
        重大事件摘要：摘要。

        1. **要点**：内容。
        """;

    private static TestApp Corpus() => new TestApp()
        .WithRealSeed()
        .WithFile("001_00000000000000a1.txt", Digest("医疗大模型", "医疗", "大模型", date: "2024-05-01"))
        .WithFile("002_00000000000000a2.txt", Digest("金融风控", "金融", "机器学习", date: "2024-05-02"))
        .WithFile("003_00000000000000a3.txt", Digest("医疗影像", "医疗", "计算机视觉", date: "2024-05-03"))
        .WithFile("004_00000000000000a4.txt", Digest("教育助手", "教育", "大模型", date: "2024-05-04"));

    private static async Task<JsonElement> GetJson(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static List<string> Titles(JsonElement list) =>
        list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToList();

    [Fact]
    public async Task Healthz_answers_when_the_database_does()
    {
        using var app = new TestApp();
        var client = await app.StartAsync();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task List_has_the_contract_shape_for_the_real_seed()
    {
        using var app = new TestApp().WithRealSeed();
        var client = await app.StartAsync();

        var list = await GetJson(client, "/api/articles");

        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(1, list.GetProperty("page").GetInt32());
        Assert.Equal(20, list.GetProperty("pageSize").GetInt32());
        var item = list.GetProperty("items")[0];
        Assert.Equal("77fc480992936622", item.GetProperty("id").GetString());
        Assert.Equal("国产大模型“诸神之战”出路何方", item.GetProperty("title").GetString());
        Assert.StartsWith("/articles/77fc480992936622", item.GetProperty("url").GetString());
        Assert.StartsWith("https://baijiahao.baidu.com/s?id=1768447395834350836", item.GetProperty("link").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", item.GetProperty("date").GetString());
        Assert.Equal(["教育", "金融", "医疗"], item.GetProperty("industries").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["ChatGPT", "面壁露卡", "清雁科技"], item.GetProperty("technologies").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["人工智能", "大模型", "国产化"], item.GetProperty("keywords").EnumerateArray().Select(e => e.GetString()));
        Assert.StartsWith("5月26日", item.GetProperty("snippet").GetString());
        var facets = list.GetProperty("facets");
        Assert.Equal(3, facets.GetProperty("industry").GetArrayLength());
        Assert.Equal(1, facets.GetProperty("tech")[0].GetProperty("count").GetInt32());
        Assert.Equal(3, facets.GetProperty("keyword").GetArrayLength());
    }

    [Fact]
    public async Task Repeated_values_are_ored_and_kinds_anded_with_facets_of_the_result()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var ored = await GetJson(client, "/api/articles?industry=%E5%8C%BB%E7%96%97&industry=%E6%95%99%E8%82%B2");
        var anded = await GetJson(client, "/api/articles?industry=医疗&industry=教育&tech=大模型");

        Assert.Equal(["国产大模型“诸神之战”出路何方", "教育助手", "医疗影像", "医疗大模型"], Titles(ored));
        Assert.Equal(["教育助手", "医疗大模型"], Titles(anded));
        var industries = anded.GetProperty("facets").GetProperty("industry").EnumerateArray()
            .ToDictionary(f => f.GetProperty("value").GetString()!, f => f.GetProperty("count").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["医疗"] = 1, ["教育"] = 1 }, industries);
        var tech = anded.GetProperty("facets").GetProperty("tech")[0];
        Assert.Equal("大模型", tech.GetProperty("value").GetString());
        Assert.Equal(2, tech.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Paging_and_page_size_cap()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var second = await GetJson(client, "/api/articles?pageSize=2&page=2");
        var capped = await GetJson(client, "/api/articles?pageSize=5000");
        var beyond = await GetJson(client, "/api/articles?page=99");

        Assert.Equal(5, second.GetProperty("total").GetInt32());
        Assert.Equal(["医疗影像", "金融风控"], Titles(second));
        Assert.Equal(100, capped.GetProperty("pageSize").GetInt32());
        Assert.Empty(beyond.GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("/api/articles?page=0")]
    [InlineData("/api/articles?page=-1")]
    [InlineData("/api/articles?page=abc")]
    [InlineData("/api/articles?page=99999999999999999999")]
    [InlineData("/api/articles?pageSize=0")]
    [InlineData("/api/articles?pageSize=1.5")]
    [InlineData("/api/articles?sort=sideways")]
    public async Task Bad_parameters_are_a_400_problem(string url)
    {
        using var app = new TestApp();
        var client = await app.StartAsync();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task Too_many_filter_values_are_a_400()
    {
        using var app = new TestApp();
        var client = await app.StartAsync();

        var query = string.Join("&", Enumerable.Range(0, 30).Select(i => $"industry=v{i}"));
        var response = await client.GetAsync("/api/articles?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_article_has_its_whole_content()
    {
        using var app = new TestApp().WithRealSeed();
        var client = await app.StartAsync();

        var article = await GetJson(client, "/api/articles/77fc480992936622");

        Assert.Equal("国产大模型“诸神之战”出路何方", article.GetProperty("title").GetString());
        Assert.StartsWith("5月26日，贵阳", article.GetProperty("summary").GetString());
        Assert.Contains("6. **未来展望**", article.GetProperty("eventsMarkdown").GetString());
        Assert.Equal("000_77fc480992936622.txt", article.GetProperty("sourceFile").GetString());
        Assert.EndsWith("Z", article.GetProperty("ingestedAt").GetString());
    }

    [Theory]
    [InlineData("/api/articles/0123456789abcdef")]
    [InlineData("/api/articles/not-an-id")]
    [InlineData("/api/articles/..%2F..%2Fetc%2Fpasswd")]
    public async Task Unknown_ids_are_a_404_problem(string url)
    {
        using var app = new TestApp().WithRealSeed();
        var client = await app.StartAsync();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Chinese_is_written_as_text_not_escapes()
    {
        using var app = new TestApp().WithRealSeed();
        var client = await app.StartAsync();

        var body = await client.GetStringAsync("/api/articles");

        Assert.Contains("诸神之战", body);
        Assert.DoesNotContain("\\u", body);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_highlights_of_an_item()
    {
        using var app = new TestApp().WithRealSeed();
        var client = await app.StartAsync();

        var doc = await GetJson(client, "/openapi/v1.json");

        var schemas = doc.GetProperty("components").GetProperty("schemas");
        var highlights = schemas.GetProperty("ArticleItemJson").GetProperty("properties").GetProperty("highlights");
        Assert.Contains("UTF-16", highlights.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("#/components/schemas/HighlightJson", highlights.GetProperty("items").GetProperty("$ref").GetString());
        Assert.Equal(["start", "length"], schemas.GetProperty("HighlightJson").GetProperty("properties").EnumerateObject().Select(p => p.Name));
    }
}
