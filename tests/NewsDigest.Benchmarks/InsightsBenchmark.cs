using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NewsDigest.Core.Ingestion;
using NewsDigest.Core.Insights;
using NewsDigest.Core.Listing;
using NewsDigest.Core.Storage;

namespace NewsDigest.Benchmarks;

/// <summary>
/// Issue 8: /insights over the search benchmark's 10,000-digest corpus (same generator, seed and
/// builder). Times <see cref="InsightsReports.For"/> alone (the aggregation, search included)
/// and the whole page through the real app (<see cref="InProcessPortal"/>: routing, Razor, SVG,
/// ETag hashing), for an unfiltered, a filtered and a searched view, with the list page of the
/// same views as the reference.
/// </summary>
internal static class InsightsBenchmark
{
    public const string Summary = "/insights at 10k digests: aggregation and whole page, unfiltered / filtered / searched, p50/p95, list page as reference";

    private static readonly (string Name, ArticleFilter Filter, bool All)[] Views =
    [
        ("unfiltered", new ArticleFilter(), false),
        ("filter industry=医疗", new ArticleFilter { Industries = ["医疗"] }, false),
        ("search q=模型", new ArticleFilter { Query = "模型" }, false),
        ("search q=芯片 + industry=金融", new ArticleFilter { Query = "芯片", Industries = ["金融"] }, false),
        ("unfiltered, all=1 (whole map)", new ArticleFilter(), true),
    ];

    public static int Run(string[] args)
    {
        var size = int.Parse(BenchmarkCorpus.Option(args, "--size", "10000"), CultureInfo.InvariantCulture);
        var root = BenchmarkCorpus.Option(args, "--dir", Path.Combine(Path.GetTempPath(), "newsdigest-insights-bench"));
        var runs = int.Parse(BenchmarkCorpus.Option(args, "--runs", "30"), CultureInfo.InvariantCulture);
        MachineInfo.Print("insights", args);
        var folder = Path.Combine(root, size.ToString(CultureInfo.InvariantCulture));

        using (var services = SearchBenchmark.Services(root, size))
        {
            SearchBenchmark.EnsureCorpus(services, root, size);
            MeasureAggregation(services.GetRequiredService<InsightsReports>(), services.GetRequiredService<ArticleListing>(), runs);
        }

        SqliteConnection.ClearAllPools();
        MeasurePages(Path.Combine(folder, "seeds"), Path.Combine(folder, "search.db"), runs).GetAwaiter().GetResult();
        Console.WriteLine();
        Console.WriteLine($"load after: {MachineInfo.LoadAverage()}");
        return 0;
    }

    private static void MeasureAggregation(InsightsReports reports, ArticleListing listing, int runs)
    {
        var cold = Stopwatch.StartNew();
        var total = reports.For(new ArticleFilter()).Total;
        Console.WriteLine();
        Console.WriteLine($"{total:N0} articles; first call (reads the list index from SQLite): {cold.Elapsed.TotalMilliseconds:F0} ms");
        Console.WriteLine();
        Console.WriteLine("| InsightsReports.For | articles in view | p50 | p95 | List (same filter) p50 | load |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var (name, filter, all) in Views.Where(v => !v.All))
        {
            var insights = new List<double>();
            var list = new List<double>();
            var count = reports.For(filter).Total;
            for (var run = 0; run < runs; run++)
            {
                // The aggregation itself, not the report kept from the last run.
                reports.Clear();
                insights.Add(Time(() => reports.For(filter)));
                list.Add(Time(() => listing.List(filter)));
            }

            Console.WriteLine($"| {name} | {count:N0} | {P(insights, 50):F1} ms | {P(insights, 95):F1} ms | {P(list, 50):F1} ms | {MachineInfo.LoadAverage()} |");
        }
    }

    private static async Task MeasurePages(string seeds, string database, int runs)
    {
        await using var portal = new InProcessPortal(seeds, database);
        var start = Stopwatch.StartNew();
        var client = portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await portal.Services.GetRequiredService<IngestionService>().FirstScan;
        Console.WriteLine();
        Console.WriteLine($"app started and start-up scan done in {start.Elapsed.TotalSeconds:F1} s");
        var first = Stopwatch.StartNew();
        await Fetch(client, Web.Infrastructure.SiteUrls.Insights(new ArticleFilter()));
        Console.WriteLine($"first /insights (JIT, list index read): {first.Elapsed.TotalMilliseconds:F0} ms");
        Console.WriteLine();
        Console.WriteLine("| whole page (GET, in-memory) | bytes | /insights p50 | /insights p95 | list page p50 | ratio p50 | load |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (name, filter, all) in Views)
        {
            var insightsUrl = Web.Infrastructure.SiteUrls.Insights(filter, all);
            var listUrl = Web.Infrastructure.SiteUrls.List(filter);
            var bytes = await Fetch(client, insightsUrl);
            await Fetch(client, listUrl);
            var insights = new List<double>();
            var list = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                insights.Add(await TimeAsync(() => Fetch(client, insightsUrl)));
                list.Add(await TimeAsync(() => Fetch(client, listUrl)));
            }

            Console.WriteLine(
                $"| {name} | {bytes / 1024.0:F0} KB | {P(insights, 50):F1} ms | {P(insights, 95):F1} ms | {P(list, 50):F1} ms | {P(insights, 50) / P(list, 50):F2}× | {MachineInfo.LoadAverage()} |");
        }
    }

    private static async Task<int> Fetch(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        if (response.StatusCode != System.Net.HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}");
        }

        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    private static double Time(Action action)
    {
        var stopwatch = Stopwatch.StartNew();
        action();
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var stopwatch = Stopwatch.StartNew();
        await action();
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    private static double P(List<double> values, int percentile) => SearchBenchmark.Percentile(values, percentile);
}
