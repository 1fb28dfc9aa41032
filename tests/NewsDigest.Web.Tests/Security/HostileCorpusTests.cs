using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using NewsDigest.Web.Tests.Infrastructure;

namespace NewsDigest.Web.Tests.Security;

/// <summary>
/// A folder of hostile files (TestData/Hostile plus huge, binary and link cases made at run time):
/// every file is either taken safely or rejected with its reason, the rest is ingested, the server
/// keeps serving, and nothing in the folder changes.
/// </summary>
public sealed class HostileCorpusTests : IDisposable
{
    private readonly string _outside = Path.Combine(Path.GetTempPath(), "newsdigest-outside-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_outside))
        {
            Directory.Delete(_outside, recursive: true);
        }
    }

    [Fact]
    public async Task Every_hostile_file_is_taken_safely_or_rejected_with_a_reason()
    {
        using var app = new TestApp().WithRealSeed();
        foreach (var file in Directory.EnumerateFiles(TestApp.TestData("Hostile")))
        {
            File.Copy(file, Path.Combine(app.SeedsPath, Path.GetFileName(file)));
        }

        MakeRuntimeCases(app);
        var before = Snapshot(app.SeedsPath);
        var client = await app.StartAsync();

        var report = JsonDocument.Parse(await client.GetStringAsync("/api/ingestion")).RootElement;
        var files = report.GetProperty("files").EnumerateArray().ToDictionary(
            f => f.GetProperty("file").GetString()!,
            f => (Status: f.GetProperty("status").GetString()!, Reason: f.GetProperty("reason").GetString(), Line: f.GetProperty("line")));

        // Nothing is silently skipped: every file in the folder has a status.
        foreach (var path in ListedFiles(app.SeedsPath))
        {
            Assert.True(files.ContainsKey(path), $"{path} is missing from the report");
            Assert.Contains(files[path].Status, new[] { "added", "rejected" });
            if (files[path].Status == "rejected")
            {
                Assert.False(string.IsNullOrWhiteSpace(files[path].Reason), $"{path} has no reason");
            }
        }

        Assert.Equal("added", files["000_77fc480992936622.txt"].Status);
        Assert.Equal("added", files["script-everywhere.txt"].Status);
        Assert.Equal("added", files["名字 有空格 和中文.txt"].Status);
        Assert.Equal("added", files["every-label-twice.txt"].Status);
        Assert.Equal("added", files["bom-crlf.txt"].Status);
        Assert.Equal("added", files["unknown-labels-and-prose.txt"].Status);
        Assert.Equal("added", files["many-tags.txt"].Status);
        Assert.Equal("added", files["deep-markdown.txt"].Status);
        Assert.Equal("added", files["huge-line.txt"].Status);
        Assert.Equal("added", files["folder.txt/inner.txt"].Status);
        Assert.Equal("rejected", files["labels-only.txt"].Status);
        Assert.Equal("rejected", files["broken-utf8.txt"].Status);
        Assert.Equal(2, files["broken-utf8.txt"].Line.GetInt32());
        Assert.Equal("rejected", files["binary.txt"].Status);
        Assert.Equal("rejected", files["too-big.txt"].Status);
        Assert.Equal("rejected", files["outside-link.txt"].Status);
        Assert.DoesNotContain(files.Keys, k => k.StartsWith("outside-folder/", StringComparison.Ordinal) && files[k].Status == "added");

        // Every taken article renders as harmless text, and the server is still well.
        var list = JsonDocument.Parse(await client.GetStringAsync("/api/articles?pageSize=100")).RootElement;
        foreach (var item in list.GetProperty("items").EnumerateArray())
        {
            var response = await client.GetAsync(item.GetProperty("url").GetString());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await TestApp.ParseHtml(response);
            Assert.All(page.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src") || s.GetAttribute("type") == "application/ld+json"));
            Assert.Empty(page.QuerySelectorAll("main iframe, main svg, main img, main style"));
            Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.Ordinal));
            Assert.All(page.QuerySelectorAll("main a[href]"), a => Assert.Matches("^(https?:|/|#|mailto:)", a.GetAttribute("href")!));
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/?q=%3Cscript%3E")).StatusCode);
        Assert.Equal(before, Snapshot(app.SeedsPath));
    }

    private void MakeRuntimeCases(TestApp app)
    {
        var seeds = app.SeedsPath;
        var sentence = string.Concat(Enumerable.Repeat("大模型正在改变医疗行业的诊断流程。", 60_000));
        File.WriteAllText(Path.Combine(seeds, "huge-line.txt"), "标题：一行很长的文章\n总结：" + sentence[..600_000] + "\n行业：医疗\n");
        File.WriteAllText(Path.Combine(seeds, "too-big.txt"), "标题：太大的文件\n总结：" + new string('字', 1_100_000) + "\n");
        File.WriteAllText(
            Path.Combine(seeds, "many-tags.txt"),
            "标题：一万个标签\n关键词：" + string.Join("，", Enumerable.Range(0, 10_000).Select(i => $"标签{i}")) + "\n行业：医疗\n");
        File.WriteAllText(
            Path.Combine(seeds, "deep-markdown.txt"),
            "标题：深层嵌套\n重大事件摘要：" + new string('>', 5_000) + " 引用\n\n" + string.Concat(Enumerable.Range(0, 300).Select(i => new string(' ', i * 2) + "- 列表\n")) + new string('[', 5_000) + "\n");
        var binary = new byte[4096];
        new Random(7).NextBytes(binary);
        binary[10] = 0;
        File.WriteAllBytes(Path.Combine(seeds, "binary.txt"), binary);
        Directory.CreateDirectory(Path.Combine(seeds, "folder.txt"));
        File.WriteAllText(Path.Combine(seeds, "folder.txt", "inner.txt"), "标题：文件夹里的文件\n总结：正文\n");

        Directory.CreateDirectory(_outside);
        var secret = Path.Combine(_outside, "secret.txt");
        File.WriteAllText(secret, "标题：文件夹外的秘密\n总结：不应被读取\n");
        File.CreateSymbolicLink(Path.Combine(seeds, "outside-link.txt"), secret);
        Directory.CreateSymbolicLink(Path.Combine(seeds, "outside-folder"), _outside);
    }

    private static IEnumerable<string> ListedFiles(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = false })
            .SelectMany(entry => Directory.Exists(entry) && new DirectoryInfo(entry).LinkTarget is null
                ? ListedFiles(entry).Select(f => Path.GetFileName(entry) + "/" + f)
                : [Path.GetFileName(entry)]);

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true })
            .Where(f => new FileInfo(f).LinkTarget is null)
            .ToDictionary(f => f, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))) + File.GetLastWriteTimeUtc(f).Ticks);
}
