using System.Net;
using System.Text.Json;
using NewsDigest.Tests.Shared;
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

    [Fact]
    public async Task Each_status_filters_the_files_by_its_lower_case_name()
    {
        using var app = new TestApp()
            .WithRealSeed()
            .WithFile("001_00000000000000a1.txt", Digests.Make("将被删除"))
            .WithFile("002_00000000000000a2.txt", Digests.Make("将被改写"))
            .WithFile("003_00000000000000a3.txt", Digests.Make("将读不了"))
            .WithFile("broken.txt", "总结: 没有标题\n")
            .WithFile("notes.md", "# not a digest");
        var client = await app.StartAsync();
        File.Delete(Path.Combine(app.SeedsPath, "001_00000000000000a1.txt"));
        app.WriteFile("002_00000000000000a2.txt", Digests.Make("已经改写"));
        LinkLoop.Break(app.SeedsPath, "003_00000000000000a3.txt");
        app.WriteFile("004_00000000000000a4.txt", Digests.Make("新来的"));
        await app.RescanAsync();

        var expected = new Dictionary<string, string[]>
        {
            ["added"] = ["004_00000000000000a4.txt"],
            ["updated"] = ["002_00000000000000a2.txt"],
            ["unchanged"] = ["000_77fc480992936622.txt"],
            ["rejected"] = ["broken.txt", "notes.md"],
            ["removed"] = ["001_00000000000000a1.txt"],
            ["unreadable"] = ["003_00000000000000a3.txt"],
        };
        foreach (var (status, names) in expected)
        {
            var json = JsonDocument.Parse(await client.GetStringAsync($"/api/ingestion?status={status}")).RootElement;
            var files = json.GetProperty("files").EnumerateArray().ToList();
            Assert.Equal(names, files.Select(f => f.GetProperty("file").GetString()).Order(StringComparer.Ordinal));
            Assert.All(files, f => Assert.Equal(status, f.GetProperty("status").GetString()));
        }

        var first = JsonDocument.Parse(await client.GetStringAsync("/api/ingestion?status=rejected&pageSize=1")).RootElement;
        Assert.Equal("/api/ingestion?status=rejected&page=2&pageSize=1", first.GetProperty("next").GetString());
    }
}
