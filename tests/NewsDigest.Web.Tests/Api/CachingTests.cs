using System.Text.Json;
using NewsDigest.Web.Tests.Infrastructure;

namespace NewsDigest.Web.Tests.Api;

/// <summary>Pages and API responses are cached on the server; ingestion must make changes visible at once.</summary>
public sealed class CachingTests
{
    [Fact]
    public async Task A_new_article_appears_on_cached_pages_and_api_after_ingestion()
    {
        using var app = new TestApp().WithRealSeed();
        var client = await app.StartAsync();
        var apiBefore = await client.GetStringAsync("/api/articles");
        var pageBefore = await client.GetStringAsync("/");
        var reportBefore = await client.GetStringAsync("/api/ingestion");

        app.WriteFile("001_00000000000000f1.txt", Digests.Make("新近加入的文章"));
        await app.RescanAsync();

        var api = JsonDocument.Parse(await client.GetStringAsync("/api/articles")).RootElement;
        var page = await client.GetStringAsync("/");
        var report = JsonDocument.Parse(await client.GetStringAsync("/api/ingestion")).RootElement;
        Assert.DoesNotContain("新近加入的文章", apiBefore + pageBefore + reportBefore);
        Assert.Equal(2, api.GetProperty("total").GetInt32());
        Assert.Contains("新近加入的文章", page);
        Assert.Equal(1, report.GetProperty("lastRun").GetProperty("added").GetInt32());
    }

    [Fact]
    public async Task The_ingestion_report_refreshes_after_a_scan_that_changed_nothing()
    {
        using var app = new TestApp().WithRealSeed();
        var client = await app.StartAsync();
        var before = JsonDocument.Parse(await client.GetStringAsync("/api/ingestion")).RootElement;

        await app.RescanAsync();
        var after = JsonDocument.Parse(await client.GetStringAsync("/api/ingestion")).RootElement;

        Assert.Equal(1, before.GetProperty("lastRun").GetProperty("added").GetInt32());
        Assert.Equal(1, after.GetProperty("lastRun").GetProperty("unchanged").GetInt32());
    }
}
