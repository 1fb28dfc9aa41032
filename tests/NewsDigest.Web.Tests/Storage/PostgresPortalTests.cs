using System.Net;
using System.Text.Json;
using NewsDigest.Tests.Shared;
using NewsDigest.Web.Tests.Infrastructure;
using Npgsql;

namespace NewsDigest.Web.Tests.Storage;

/// <summary>The portal on PostgreSQL, chosen by configuration alone: the real pipeline lists,
/// searches (Chinese included), shows and reports what it ingested into the server.</summary>
public sealed class PostgresPortalTests
{
    [FactNeeding(Tool.PostgreSql)]
    public async Task The_portal_serves_what_it_ingested_into_postgres()
    {
        using var database = new PostgresTestDatabase();
        await using (var app = new TestApp(new Dictionary<string, string?>
        {
            ["NewsDigest:Database:Provider"] = "postgres",
            ["ConnectionStrings:NewsDigest"] = database.ConnectionString,
        }).WithRealSeed().WithFile("001_0000000000000001.txt", Digest("Multi-agent systems for logistics", "物流")))
        {
            var client = await app.StartAsync();

            var list = await TestApp.ParseHtml(await client.GetAsync("/"));
            Assert.Contains("国产大模型“诸神之战”出路何方", list.Body!.TextContent);
            Assert.Contains("Multi-agent systems for logistics", list.Body.TextContent);

            var chinese = await ApiTitles(client, "/api/articles?q=" + Uri.EscapeDataString("诸神之战"));
            Assert.Equal(["国产大模型“诸神之战”出路何方"], chinese);
            Assert.Equal(["Multi-agent systems for logistics"], await ApiTitles(client, "/api/articles?q=multi-agent"));
            Assert.Empty(await ApiTitles(client, "/api/articles?q=" + Uri.EscapeDataString("agent-multi \" ' & | ! <-> :*")));

            var article = await client.GetAsync("/articles/77fc480992936622/guo-chan-da-mo-xing-zhu-shen-zhi-zhan-chu-lu-he-fang");
            Assert.Equal(HttpStatusCode.OK, article.StatusCode);
            Assert.Contains("国产大模型“诸神之战”出路何方", (await TestApp.ParseHtml(article)).Title);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/ingestion")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
        }

        NpgsqlConnection.ClearAllPools();
    }

    private static async Task<List<string>> ApiTitles(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("title").GetString()!)];
    }

    private static string Digest(string title, string industry) =>
        $"""
        标题: {title}
        链接: https://example.com/{Uri.EscapeDataString(title)}
        发布时间: 2024-05-01
        总结: Agents plan routes together.
        关键词: agents
        AI技术: LLM
        行业: {industry}
        重大事件摘要: 1. **One**: a thing.
        """;
}
