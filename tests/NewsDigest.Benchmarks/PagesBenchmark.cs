using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NewsDigest.Core.Ingestion;
using NewsDigest.Core.Insights;
using NewsDigest.Core.Search;
using NewsDigest.Core.Storage.Sqlite;

namespace NewsDigest.Benchmarks;

/// <summary>
/// Issue 15: the size and time of every kind of HTML page at 100,000 digests, through the real app
/// on Kestrel over loopback HTTP. Each page is fetched once (the first request of a fresh
/// process: JIT, in-memory indexes and caches filled on the way), then repeatedly with the output
/// cache off (the page is computed and rendered every time, from the data kept in memory for this
/// version of the data), with that data forgotten too (at worst, the first reader after ingestion
/// changed something), and with the output cache on (a page someone already asked for).
/// </summary>
/// <remarks>
/// The corpus (the generator's seed 7 with 1% malformed files, as tests/load builds it) is
/// generated and ingested once under --dir (default /tmp/newsdigest-pages-bench/SIZE), several
/// minutes at 100,000, and reused while its "complete" marker is there.
/// </remarks>
internal static class PagesBenchmark
{
    public const string Summary = "every HTML page kind at 100k digests over HTTP: bytes, first request, p50/p95 with the output cache off and on";

    private const int Seed = 7;
    private const double MalformedShare = 0.01;

    public static int Run(string[] args)
    {
        var size = int.Parse(BenchmarkCorpus.Option(args, "--size", "100000"), CultureInfo.InvariantCulture);
        var root = BenchmarkCorpus.Option(args, "--dir", Path.Combine(Path.GetTempPath(), "newsdigest-pages-bench"));
        var runs = int.Parse(BenchmarkCorpus.Option(args, "--runs", "20"), CultureInfo.InvariantCulture);
        MachineInfo.Print("pages", args);
        var folder = Path.Combine(root, size.ToString(CultureInfo.InvariantCulture));
        using (var services = BenchmarkCorpus.Services(folder, "news.db"))
        {
            BenchmarkCorpus.EnsureBuilt(services, folder, size, Seed, MalformedShare);
        }

        SqliteConnection.ClearAllPools();

        var cold = Measure(folder, runs, outputCache: false).GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
        var warm = Measure(folder, runs, outputCache: true).GetAwaiter().GetResult();

        Console.WriteLine();
        Console.WriteLine("| page | bytes | first request | caches emptied p50 | output cache off p50 | p95 | output cache on p50 | p95 |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var ((name, url, off), (_, _, on)) in cold.Zip(warm))
        {
            Console.WriteLine(
                $"| {name} `{url}` | {off.Bytes / 1024.0:F0} KB | {off.First:F0} ms | {Median.Of(off.AfterChange):F1} ms | {Median.Of(off.Times):F1} ms | {P(off.Times, 95):F1} ms | {Median.Of(on.Times):F1} ms | {P(on.Times, 95):F1} ms |");
        }

        Console.WriteLine();
        Console.WriteLine($"load after: {MachineInfo.LoadAverage()}");
        return 0;
    }
    private static async Task<List<(string Name, string Url, PageResult Result)>> Measure(string folder, int runs, bool outputCache)
    {
        await using var portal = new InProcessPortal(Path.Combine(folder, "seeds"), Path.Combine(folder, "news.db"), outputCache);
        portal.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var start = Stopwatch.StartNew();
        portal.StartServer();
        var address = portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        await portal.Services.GetRequiredService<IngestionService>().FirstScan;
        Console.WriteLine();
        Console.WriteLine($"output cache {(outputCache ? "on" : "off")}: app started and start-up scan done in {start.Elapsed.TotalSeconds:F1} s (load {MachineInfo.LoadAverage()})");
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Add("Accept-Language", "zh-CN");

        var searches = portal.Services.GetRequiredService<SearchResultsCache>();
        var insights = portal.Services.GetRequiredService<InsightsReports>();
        var stories = portal.Services.GetRequiredService<SqliteStoryClusters>();
        var results = new List<(string, string, PageResult)>();
        foreach (var (name, url) in await Pages(client))
        {
            var first = Stopwatch.StartNew();
            var bytes = await Fetch(client, url);
            var firstMs = first.Elapsed.TotalMilliseconds;
            var times = new List<double>();
            var afterChange = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                var stopwatch = Stopwatch.StartNew();
                await Fetch(client, url);
                times.Add(stopwatch.Elapsed.TotalMilliseconds);
                if (!outputCache)
                {
                    // The worst a reader gets after a change of data: what the pages keep in memory
                    // for it not built yet (the scan that changes the data builds the list index,
                    // the story order and the unfiltered insights before readers ask).
                    searches.Clear();
                    insights.Clear();
                    stories.ForgetOrder();
                    stopwatch.Restart();
                    await Fetch(client, url);
                    afterChange.Add(stopwatch.Elapsed.TotalMilliseconds);
                }
            }

            Console.WriteLine($"  {name}: {bytes / 1024.0:F0} KB, first {firstMs:F0} ms, p50 {Median.Of(times):F1} ms (load {MachineInfo.LoadAverage()})");
            results.Add((name, url, new PageResult(bytes, firstMs, times, afterChange)));
        }

        return results;
    }

    /// <summary>Every kind of HTML page, with real values taken from the corpus.</summary>
    private static async Task<List<(string Name, string Url)>> Pages(HttpClient client)
    {
        var article = JsonDocument.Parse(await client.GetStringAsync("/api/articles?pageSize=1"))
            .RootElement.GetProperty("items")[0].GetProperty("url").GetString()!;
        var industry = Uri.EscapeDataString("医疗");
        return
        [
            ("home", "/"),
            ("list, filtered", $"/?industry={industry}"),
            ("list, page 50", "/?page=50"),
            ("search", $"/?q={Uri.EscapeDataString("大模型")}"),
            ("article", article),
            ("tags", "/tags"),
            ("tags, one kind", "/tags?kind=keyword"),
            ("tag page", $"/tags/industry/{industry}"),
            ("insights", "/insights"),
            ("insights, filtered", $"/insights?industry={industry}"),
            ("insights, whole map", "/insights?all=1"),
            ("ingestion", "/ingestion"),
            ("ingestion, page 2", "/ingestion?page=2"),
            ("ingestion, by reason", "/ingestion?reason=duplicate-link"),
            ("ingestion, stories", "/ingestion/stories"),
            ("ingestion, stories page 10", "/ingestion/stories?page=10"),
        ];
    }

    private static async Task<int> Fetch(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}");
        }

        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    private static double P(List<double> values, int percentile) => SearchBenchmark.Percentile(values, percentile);
    /// <param name="Bytes">The page's size, uncompressed.</param>
    /// <param name="First">The first request of the process.</param>
    /// <param name="Times">Requests after the first.</param>
    /// <param name="AfterChange">Output cache off and the in-memory caches of searches, insights
    /// and story order emptied before each request.</param>
    private sealed record PageResult(int Bytes, double First, List<double> Times, List<double> AfterChange);
}
