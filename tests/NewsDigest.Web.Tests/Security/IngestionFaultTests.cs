using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsDigest.Core.Storage;
using NewsDigest.Core.Storage.Sqlite;
using NewsDigest.Tests.Shared;
using NewsDigest.Web.Tests.Infrastructure;

namespace NewsDigest.Web.Tests.Security;

/// <summary>
/// Faults of the seeds folder are visible (readiness, the ingestion page and API) and never take
/// an article offline. The folder faults here are ones root cannot bypass (CI runs as root): a
/// missing folder, and symbolic links that point at themselves (ELOOP on open, for a folder and
/// for a file). Real permission errors are in <see cref="PermissionErrorTests"/>.
/// </summary>
public sealed class IngestionFaultTests
{
    [Fact]
    public async Task A_missing_seeds_folder_makes_readyz_503_and_is_reported_until_it_is_back_with_every_article_kept()
    {
        using var app = new TestApp().WithRealSeed();
        var client = await app.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
        var away = app.SeedsPath + "-away";
        Directory.Move(app.SeedsPath, away);

        await Assert.ThrowsAsync<DirectoryNotFoundException>(app.RescanAsync);

        var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var reason = await ready.Content.ReadAsStringAsync();
        Assert.Contains(app.SeedsPath, reason);
        Assert.Contains("does not exist", reason);
        var json = await Ingestion(client);
        var error = json.GetProperty("scanError");
        Assert.Contains(app.SeedsPath, error.GetProperty("reason").GetString());
        Assert.EndsWith("Z", error.GetProperty("since").GetString());
        Assert.EndsWith("Z", error.GetProperty("checkedAt").GetString());
        Assert.Equal(1, json.GetProperty("lastRun").GetProperty("added").GetInt32());
        var page = await TestApp.ParseHtml(await client.GetAsync("/ingestion"));
        var alert = page.QuerySelector(".scan-error");
        Assert.NotNull(alert);
        Assert.Equal("无法扫描摘要文件夹", alert.QuerySelector("h2")?.TextContent);
        Assert.Contains(app.SeedsPath, alert.TextContent);
        Assert.NotNull(alert.QuerySelector("time[datetime]"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/articles/77fc480992936622")).StatusCode);

        Directory.Move(away, app.SeedsPath);
        await app.RescanAsync();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
        Assert.Equal(JsonValueKind.Null, (await Ingestion(client)).GetProperty("scanError").ValueKind);
        Assert.Null((await TestApp.ParseHtml(await client.GetAsync("/ingestion"))).QuerySelector(".scan-error"));
    }

    [Fact]
    public async Task Starting_with_a_seeds_path_that_points_nowhere_is_not_ready_and_says_why()
    {
        var nowhere = Path.Combine(Path.GetTempPath(), "newsdigest-nowhere-" + Guid.NewGuid().ToString("N"));
        using var app = new TestApp(new() { ["NewsDigest:SeedsPath"] = nowhere });
        var client = await app.StartAsync();

        var ready = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains(nowhere, await ready.Content.ReadAsStringAsync());
        var json = await Ingestion(client);
        Assert.Contains(nowhere, json.GetProperty("scanError").GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("lastRun").ValueKind);
        client.DefaultRequestHeaders.Add("Accept-Language", "en");
        var page = await TestApp.ParseHtml(await client.GetAsync("/ingestion"));
        Assert.Equal("The digest folder could not be scanned", page.QuerySelector(".scan-error h2")?.TextContent);
        Assert.Null(page.QuerySelector(".empty-state"));
    }

    [Fact]
    public async Task Files_that_cannot_be_listed_or_read_keep_their_articles_and_are_reported_until_they_read_again()
    {
        using var app = new TestApp()
            .WithFile("sub/001_00000000000000a1.txt", Digests.Make("子目录里的文章"))
            .WithFile("002_00000000000000a2.txt", Digests.Make("读不出来的文章"))
            .WithFile("003_00000000000000a3.txt", Digests.Make("正常的文章"));
        var client = await app.StartAsync();
        var folderAway = LinkLoop.Break(app.SeedsPath, "sub");
        var fileAway = LinkLoop.Break(app.SeedsPath, "002_00000000000000a2.txt");

        await app.RescanAsync();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/articles/00000000000000a1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/articles/00000000000000a2")).StatusCode);
        var json = await Ingestion(client);
        var files = json.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("file").GetString()!);
        Assert.Equal("unreadable", files["sub/001_00000000000000a1.txt"].GetProperty("status").GetString());
        Assert.Contains("sub", files["sub/001_00000000000000a1.txt"].GetProperty("reason").GetString());
        Assert.Equal("00000000000000a1", files["sub/001_00000000000000a1.txt"].GetProperty("articleId").GetString());
        Assert.Equal("unreadable", files["002_00000000000000a2.txt"].GetProperty("status").GetString());
        Assert.Contains("symbolic links", files["002_00000000000000a2.txt"].GetProperty("reason").GetString());
        Assert.Equal("unchanged", files["003_00000000000000a3.txt"].GetProperty("status").GetString());
        Assert.Equal(2, json.GetProperty("lastRun").GetProperty("unreadable").GetInt32());
        Assert.Equal(0, json.GetProperty("lastRun").GetProperty("removed").GetInt32());
        var folder = Assert.Single(json.GetProperty("unreadableFolders").EnumerateArray());
        Assert.Equal("sub", folder.GetProperty("folder").GetString());
        Assert.Contains("symbolic links", folder.GetProperty("reason").GetString());
        Assert.EndsWith("Z", folder.GetProperty("since").GetString());

        var page = await TestApp.ParseHtml(await client.GetAsync("/ingestion"));
        var folders = page.QuerySelectorAll("#unreadable tbody tr").Select(r => r.QuerySelector("code")?.TextContent).ToList();
        Assert.Equal(["sub/"], folders);
        Assert.Contains("symbolic links", page.QuerySelector("#unreadable tbody tr td:last-child")?.TextContent);
        var problemFiles = page.QuerySelectorAll("#problems tbody tr").Select(r => r.QuerySelector("code")?.TextContent).Order(StringComparer.Ordinal).ToList();
        // "sub" itself is now a link (to itself), and not a .txt file.
        Assert.Equal(["002_00000000000000a2.txt", "sub", "sub/001_00000000000000a1.txt"], problemFiles);
        Assert.NotNull(page.QuerySelector("nav.reasons a[href='/ingestion?reason=file-unreadable#problems']"));
        Assert.NotNull(page.QuerySelector("nav.reasons a[href='/ingestion?reason=folder-unreadable#problems']"));

        Restore(app, "sub", folderAway);
        Restore(app, "002_00000000000000a2.txt", fileAway);
        await app.RescanAsync();

        json = await Ingestion(client);
        var statuses = json.GetProperty("files").EnumerateArray()
            .Where(f => f.GetProperty("file").GetString()!.EndsWith(".txt", StringComparison.Ordinal))
            .ToDictionary(f => f.GetProperty("file").GetString()!, f => f.GetProperty("status").GetString());
        Assert.Equal(["unchanged"], statuses.Values.Distinct());
        Assert.Equal(3, statuses.Count);
        Assert.Empty(json.GetProperty("unreadableFolders").EnumerateArray());
        page = await TestApp.ParseHtml(await client.GetAsync("/ingestion"));
        Assert.Null(page.QuerySelector("#unreadable"));
        Assert.Empty(page.QuerySelectorAll("#problems tbody tr"));
    }

    [Fact]
    public async Task A_run_cut_off_by_a_crash_is_shown_as_interrupted_after_a_restart()
    {
        using var app = new TestApp().WithRealSeed();
        var crashedAt = DateTime.UtcNow.AddHours(-2);
        var database = new SqliteDatabase(app.DatabasePath);
        database.Migrate();

        // What a killed ingest leaves behind: a run that was started and never finished.
        new SqliteIngestionRuns(database).StartRun(crashedAt);

        SqliteConnection.ClearAllPools();
        var client = await app.StartAsync();

        var json = await Ingestion(client);
        var run = Assert.Single(json.GetProperty("interruptedRuns").EnumerateArray());
        Assert.Equal(Timestamps.Format(crashedAt), run.GetProperty("startedAt").GetString());
        var noticed = Timestamps.Parse(run.GetProperty("interruptedAt").GetString()!);
        Assert.InRange(noticed, crashedAt, DateTime.UtcNow.AddMinutes(1));
        Assert.Equal(1, json.GetProperty("lastRun").GetProperty("added").GetInt32());
        var page = await TestApp.ParseHtml(await client.GetAsync("/ingestion"));
        var item = Assert.Single(page.QuerySelectorAll("#interrupted li"));
        Assert.Contains("中断", item.TextContent);
        Assert.Equal(Timestamps.Format(crashedAt), item.QuerySelector("time")?.GetAttribute("datetime"));
    }

    private static async Task<JsonElement> Ingestion(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("/api/ingestion")).RootElement;

    private static void Restore(TestApp app, string relativePath, string away)
    {
        var path = Path.Combine(app.SeedsPath, relativePath);
        File.Delete(path);
        if (Directory.Exists(away))
        {
            Directory.Move(away, path);
        }
        else
        {
            File.Move(away, path);
        }

        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
    }
}
