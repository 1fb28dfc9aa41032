using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NewsDigest.Core.Clustering;
using NewsDigest.Core.Ingestion;
using NewsDigest.Core.Listing;
using NewsDigest.Core.Storage;
using NewsDigest.Core.Storage.Sqlite;

namespace NewsDigest.Benchmarks;

/// <summary>
/// Issue 8: the story-clustering pass over a database of generated digests (what a scan that
/// changed articles adds at its end), split into reading its inputs (the floor), the pure
/// clusterer, and the whole refresh with and without rewriting the table; and the list and article
/// reads with and without clusters, to show the pages did not get slower.
/// </summary>
/// <remarks>The database is built once with the real <see cref="Ingester"/> under --dir (default
/// /tmp/newsdigest-clusters-bench) and reused while its "complete" marker is there.</remarks>
internal static class ClusterBenchmark
{
    public const string Summary = "story clustering pass at 10k digests (floor, clusterer, refresh); list and article reads with clusters";

    private const int Seed = 4;

    public static int Run(string[] args)
    {
        var size = int.Parse(BenchmarkCorpus.Option(args, "--size", "10000"), CultureInfo.InvariantCulture);
        var runs = int.Parse(BenchmarkCorpus.Option(args, "--runs", "15"), CultureInfo.InvariantCulture);
        var root = BenchmarkCorpus.Option(args, "--dir", Path.Combine(Path.GetTempPath(), "newsdigest-clusters-bench"));
        MachineInfo.Print("clusters", args);

        var folder = Path.Combine(root, size.ToString(CultureInfo.InvariantCulture));
        using var services = BenchmarkCorpus.Services(folder, "clusters.db");
        BenchmarkCorpus.EnsureBuilt(services, folder, size, Seed);
        var database = services.GetRequiredService<SqliteDatabase>();
        var clusters = services.GetRequiredService<SqliteStoryClusters>();
        var articles = services.GetRequiredService<IArticleReader>();
        var listing = services.GetRequiredService<ArticleListing>();

        using var connection = database.Open();
        clusters.Refresh(articlesChanged: true);
        Describe(connection, clusters);

        var inputs = ReadInputs(connection);
        var clustered = connection.ExecuteScalar<long>("SELECT article_seq FROM story_clusters ORDER BY article_seq LIMIT 1");
        var id = connection.ExecuteScalar<string>("SELECT id FROM articles WHERE seq = @clustered", new { clustered })!;
        var times = TimeInterleaved(runs, new Dictionary<string, Action>
        {
            ["floor"] = () => ReadInputs(connection),
            ["clusterer"] = () => StoryClusterer.Cluster(inputs),
            ["unchanged"] = () => clusters.Refresh(articlesChanged: true),
            ["rewrite"] = () =>
            {
                connection.Execute("DELETE FROM story_clusters");
                clusters.Refresh(articlesChanged: true);
            },
            ["list"] = () => listing.List(new ArticleFilter()),
            ["collapsed"] = () => listing.List(new ArticleFilter { CollapseStories = true }),
            ["search"] = () => listing.List(new ArticleFilter { Query = "模型" }),
            ["collapsedSearch"] = () => listing.List(new ArticleFilter { Query = "模型", CollapseStories = true }),
            ["article"] = () => articles.Get(id),
            ["coverage"] = () => clusters.OthersInStory(clustered),
            ["report"] = () => clusters.All(),
        });
        var (floor, clusterer, unchanged, rewrite) = (times["floor"], times["clusterer"], times["unchanged"], times["rewrite"]);
        var (list, collapsed, search, collapsedSearch) = (times["list"], times["collapsed"], times["search"], times["collapsedSearch"]);
        var (article, coverage, report) = (times["article"], times["coverage"], times["report"]);

        Console.WriteLine();
        Console.WriteLine($"| measurement ({inputs.Count:N0} articles, median of {runs}) | median | ratio |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| floor: read titles, links, dates and tags | {floor:F1} ms | 1.00× |");
        Console.WriteLine($"| clusterer alone (pure, inputs in memory) | {clusterer:F1} ms | {clusterer / floor:F2}× floor |");
        Console.WriteLine($"| refresh, clusters unchanged (read, cluster, compare) | {unchanged:F1} ms | {unchanged / floor:F2}× floor |");
        Console.WriteLine($"| refresh, table rewritten (read, cluster, write) | {rewrite:F1} ms | {rewrite / floor:F2}× floor |");
        Console.WriteLine($"| list page 1, every article | {list:F2} ms | 1.00× |");
        Console.WriteLine($"| list page 1, collapse=1 | {collapsed:F2} ms | {collapsed / list:F2}× list |");
        Console.WriteLine($"| search 模型, every article | {search:F2} ms | 1.00× |");
        Console.WriteLine($"| search 模型, collapse=1 | {collapsedSearch:F2} ms | {collapsedSearch / search:F2}× search |");
        Console.WriteLine($"| article read (IArticleReader.Get) | {article:F2} ms | 1.00× |");
        Console.WriteLine($"| its also-covered-by query | {coverage:F2} ms | {coverage / article:F2}× article |");
        Console.WriteLine($"| ingestion report: every cluster | {report:F2} ms | |");
        Console.WriteLine($"load after: {MachineInfo.LoadAverage()}");
        return 0;
    }

    private static void Describe(SqliteConnection connection, IStoryClusters clusters)
    {
        var all = clusters.All();
        var byLinkOnly = all.Count(c => c.Members.Select(m => StoryLink.Normalize(m.Link)).Distinct().Count() == 1);
        var articleCount = connection.ExecuteScalar<int>("SELECT COUNT(*) FROM articles");
        Console.WriteLine(
            $"clusters: {all.Count:N0} stories of 2+ articles over {articleCount:N0} articles; {all.Sum(c => c.Members.Count):N0} articles in them; " +
            $"largest {(all.Count == 0 ? 0 : all.Max(c => c.Members.Count))}; {byLinkOnly:N0} share one link, {all.Count - byLinkOnly:N0} joined by titles and tags");
    }

    /// <summary>What a refresh reads before it clusters: the same two queries, into the clusterer's records.</summary>
    private static List<StoryArticle> ReadInputs(SqliteConnection connection)
    {
        var tags = connection.Query<(long Seq, string Norm)>("SELECT at.article_seq, t.norm FROM article_tags at JOIN tags t ON t.id = at.tag_id")
            .ToLookup(t => t.Seq, t => t.Norm);
        return connection.Query<(long Seq, string Title, string? Link, string? Published)>("SELECT seq, title, link, published FROM articles")
            .Select(a => new StoryArticle(
                a.Seq, a.Title, a.Link,
                a.Published is null ? null : DateOnly.ParseExact(a.Published, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                [.. tags[a.Seq].Distinct(StringComparer.Ordinal)]))
            .ToList();
    }

    /// <summary>
    /// Median milliseconds of each action over <paramref name="runs"/> rounds, after one untimed
    /// warm-up each (JIT, page cache). A round runs every action once, so a burst of load from
    /// another job on the shared machine hits all of them alike and the ratios stay comparable.
    /// </summary>
    private static Dictionary<string, double> TimeInterleaved(int runs, Dictionary<string, Action> actions)
    {
        var times = actions.Keys.ToDictionary(name => name, _ => new List<double>());
        foreach (var action in actions.Values)
        {
            action();
        }

        for (var run = 0; run < runs; run++)
        {
            foreach (var (name, action) in actions)
            {
                var stopwatch = Stopwatch.StartNew();
                action();
                times[name].Add(stopwatch.Elapsed.TotalMilliseconds);
            }
        }

        return times.ToDictionary(t => t.Key, t => Median.Of(t.Value));
    }
}
