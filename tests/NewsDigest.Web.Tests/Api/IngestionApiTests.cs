using System.Net;
using System.Text.Json;
using NewsDigest.Web.Tests.Infrastructure;

namespace NewsDigest.Web.Tests.Api;

public sealed class IngestionApiTests
{
    [Fact]
    public async Task Reports_the_last_run_and_every_file_with_status_reason_and_line()
    {
        using var app = new TestApp()
            .WithRealSeed()
            .WithFile("broken.txt", "链接: https://example.com\n总结: 正文\n")
            .WithFile("notes.md", "# not a digest");
        var client = await app.StartAsync();

        var json = JsonDocument.Parse(await client.GetStringAsync("/api/ingestion")).RootElement;

        var run = json.GetProperty("lastRun");
        Assert.Equal(1, run.GetProperty("added").GetInt32());
        Assert.Equal(2, run.GetProperty("rejected").GetInt32());
        Assert.Equal(0, run.GetProperty("updated").GetInt32());
        Assert.Equal(0, run.GetProperty("unchanged").GetInt32());
        Assert.Equal(0, run.GetProperty("removed").GetInt32());
        Assert.Equal(0, run.GetProperty("unreadable").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("scanError").ValueKind);
        Assert.Empty(json.GetProperty("unreadableFolders").EnumerateArray());
        Assert.Empty(json.GetProperty("interruptedRuns").EnumerateArray());
        Assert.EndsWith("Z", run.GetProperty("startedAt").GetString());
        Assert.EndsWith("Z", run.GetProperty("finishedAt").GetString());
        var files = json.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("file").GetString()!);
        Assert.Equal(3, files.Count);
        Assert.Equal("added", files["000_77fc480992936622.txt"].GetProperty("status").GetString());
        Assert.Equal("rejected", files["broken.txt"].GetProperty("status").GetString());
        Assert.Contains("标题", files["broken.txt"].GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Number, files["broken.txt"].GetProperty("line").ValueKind);
        Assert.Equal("rejected", files["notes.md"].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Statuses_follow_the_folder_across_runs()
    {
        using var app = new TestApp().WithRealSeed().WithFile("a.txt", "标题: 甲\n总结: 正文\n");
        var client = await app.StartAsync();
        File.Delete(Path.Combine(app.SeedsPath, "a.txt"));
        app.WriteFile("b.txt", "标题: 乙\n总结: 正文\n");

        await app.RescanAsync();
        var json = JsonDocument.Parse(await client.GetStringAsync("/api/ingestion")).RootElement;

        var statuses = json.GetProperty("files").EnumerateArray()
            .ToDictionary(f => f.GetProperty("file").GetString()!, f => f.GetProperty("status").GetString());
        Assert.Equal("unchanged", statuses["000_77fc480992936622.txt"]);
        Assert.Equal("removed", statuses["a.txt"]);
        Assert.Equal("added", statuses["b.txt"]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }
}
