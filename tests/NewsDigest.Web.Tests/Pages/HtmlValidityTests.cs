using System.Diagnostics;
using NewsDigest.Tests.Shared;
using NewsDigest.Web.Tests.Infrastructure;

namespace NewsDigest.Web.Tests.Pages;

/// <summary>
/// Every kind of page passes the W3C Nu HTML checker (the validator.w3.org engine) with no
/// errors: pages with data in every section, empty states, error pages and hostile content.
/// </summary>
public sealed class HtmlValidityTests
{
    [FactNeeding(Tool.NuHtmlChecker)]
    public async Task Every_page_passes_the_nu_html_checker()
    {
        using var app = new TestApp()
            .WithRealSeed()
            .WithFile("001_00000000000000d1.txt", Digests.Make("医疗一", "医疗", "大模型", "芯片", date: "2024-04-01"))
            .WithFile("002_00000000000000d2.txt", Digests.Make("医疗二", "医疗, 制药", "大模型, 计算机视觉", "芯片, 融资", date: "2024-05-02"))
            .WithFile("003_00000000000000d3.txt", Digests.Make("Chips and models", "Finance", "LLM", "chips", date: "2024-05-03"))
            .WithFile("004_00000000000000d4.txt", Digests.Make("医疗二", "医疗", "大模型", "芯片", date: "2024-05-04", link: "https://news.example.com/%E5%8C%BB%E7%96%97%E4%BA%8C"))
            .WithFile("005_00000000000000d5.txt", Digests.Hostile)
            .WithFile("bad.txt", "总结：没有标题的文件\n");
        await app.StartAsync();
        var client = app.CreateClient();
        const string article = "/articles/77fc480992936622";
        string[] urls =
        [
            "/", "/?page=2", "/?q=%E5%A4%A7%E6%A8%A1%E5%9E%8B", "/?q=no-such-word", "/?industry=%E5%8C%BB%E7%96%97&technology=%E5%A4%A7%E6%A8%A1%E5%9E%8B",
            "/?collapse=1", "/?page=abc", article, article + "?q=%E5%A4%A7%E6%A8%A1%E5%9E%8B", "/articles/00000000000000d5",
            "/tags", "/tags/industry/%E5%8C%BB%E7%96%97", "/tags/keyword/no-such-tag", "/insights", "/insights?all=1",
            "/insights?industry=Finance", "/ingestion", "/ingestion?reason=no-title", "/ingestion?reason=bogus", "/ingestion/stories",
            "/tags?kind=keyword", "/tags?kind=colour", "/no/such/page",
        ];

        var folder = Directory.CreateTempSubdirectory("newsdigest-nu-");
        try
        {
            for (var i = 0; i < urls.Length; i++)
            {
                var response = await client.GetAsync(urls[i]);
                Assert.True(response.Content.Headers.ContentType?.MediaType == "text/html", $"{urls[i]}: {response.StatusCode}");
                await File.WriteAllTextAsync(Path.Combine(folder.FullName, $"page{i:D2}.html"), await response.Content.ReadAsStringAsync());
            }

            var errors = await RunChecker(folder.FullName);

            // The checker names files; say which URL each was.
            var report = Enumerable.Range(0, urls.Length).Aggregate(errors, (text, i) => text.Replace($"page{i:D2}.html", urls[i], StringComparison.Ordinal));
            Assert.True(report.Length == 0, report);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<string> RunChecker(string folder)
    {
        var start = new ProcessStartInfo("java")
        {
            ArgumentList = { "-jar", Tools.NuCheckerJar, "--errors-only", "--format", "gnu", "--skip-non-html", folder },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var checker = Process.Start(start)!;
        var output = checker.StandardOutput.ReadToEndAsync();
        var errors = await checker.StandardError.ReadToEndAsync();
        await checker.WaitForExitAsync();
        return (await output + errors).Trim();
    }
}
