using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NewsDigest.Core.Ingestion;
using NewsDigest.Core.Listing;
using NewsDigest.Core.Search;
using NewsDigest.Core.Storage;
using NewsDigest.Core.Storage.Sqlite;

namespace NewsDigest.Benchmarks;

/// <summary>
/// Issue 4: search latency through the real <see cref="ArticleListing.List"/> (page, tags, snippets
/// and facet counts) per query class, against the bare FTS5 query on the same file; index size
/// against the raw text; and a bigram vs trigram table over the same text (size, build time).
/// </summary>
/// <remarks>
/// Databases are built once per size with the real <see cref="Ingester"/> under --dir (default
/// /tmp/newsdigest-search-bench) and reused while their "complete" marker is there.
/// </remarks>
internal static class SearchBenchmark
{
    public const string Summary = "search p50/p95 per query class at 10k/100k digests; floor ratio; index size; bigram vs trigram";

    private const int Seed = 4;

    /// <summary>Query classes: each is timed over all its queries, through the page list and through the floor.</summary>
    private static readonly (string Class, string[] Queries, ArticleFilter? Filter)[] Classes =
    [
        ("rare", ["诸神之战", "联邦学习", "contamination", "量子"], null),
        ("common", ["模型", "人工智能", "技术", "发展"], null),
        ("1-char", ["医", "芯", "车", "云"], null),
        ("2-char", ["医疗", "芯片", "金融", "教育"], null),
        ("3-char", ["大模型", "机器人", "自动驾", "数据集"], null),
        ("4-char", ["人工智能", "自动驾驶", "生成式AI", "算力需求"], null),
        ("english", ["openai", "ChatGPT", "GPT-4", "nvidia"], null),
        ("prefix", ["contam*", "gen*", "chat*", "open*"], null),
        ("filter", ["模型", "医疗", "芯片", "openai"], new ArticleFilter { Industries = ["医疗"] }),
    ];

    public static int Run(string[] args)
    {
        var sizes = BenchmarkCorpus.Option(args, "--sizes", "10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var root = BenchmarkCorpus.Option(args, "--dir", Path.Combine(Path.GetTempPath(), "newsdigest-search-bench"));
        var runs = int.Parse(BenchmarkCorpus.Option(args, "--runs", "20"), CultureInfo.InvariantCulture);
        var buildOnly = args.Contains("--build-only");
        var probe = BenchmarkCorpus.Option(args, "--probe", "");
        var compareTokenizers = args.Contains("--trigram");

        Console.WriteLine($"search benchmark {DateTime.UtcNow:yyyy-MM-dd HH:mm}Z, {Environment.ProcessorCount} cores, .NET {Environment.Version}, SQLite {SqliteVersion()}, load {Load()}");
        Console.WriteLine($"args: {string.Join(' ', args)}");
        foreach (var size in sizes)
        {
            var services = Services(root, size);
            EnsureCorpus(services, root, size);
            if (buildOnly)
            {
                continue;
            }

            var database = services.GetRequiredService<SqliteDatabase>();
            if (probe.Length > 0)
            {
                Probe(database, probe);
                continue;
            }

            ReportSizes(database);
            MeasureQueries(services.GetRequiredService<ArticleListing>(), services.GetRequiredService<ListIndexCache>(), services.GetRequiredService<SearchResultsCache>(), database, runs);
            if (compareTokenizers)
            {
                CompareTokenizers(database, Path.Combine(root, size.ToString(CultureInfo.InvariantCulture), "tokenizers.db"));
            }

            services.Dispose();
            SqliteConnection.ClearAllPools();
        }

        return 0;
    }

    internal static ServiceProvider Services(string root, int size) => BenchmarkCorpus.Services(Folder(root, size), "search.db");

    /// <summary>The search corpus of a size (generator seed 4), built once under the root.</summary>
    internal static void EnsureCorpus(ServiceProvider services, string root, int size) =>
        BenchmarkCorpus.EnsureBuilt(services, Folder(root, size), size, Seed);

    private static string Folder(string root, int size) => Path.Combine(root, size.ToString(CultureInfo.InvariantCulture));

    private static void ReportSizes(SqliteDatabase database)
    {
        using var connection = database.Open();
        var articles = Scalar(connection, "SELECT COUNT(*) FROM articles");
        var rawText = Scalar(connection, "SELECT SUM(length(CAST(title AS BLOB)) + length(CAST(text AS BLOB)) + length(CAST(events_markdown AS BLOB))) FROM articles");
        var words = IndexBytes(connection, "main.article_search");
        var grams = IndexBytes(connection, "main.article_grams");
        var index = words + grams;
        var file = new FileInfo(database.Path).Length;
        Console.WriteLine();
        Console.WriteLine($"{articles:N0} articles; raw text (title + text + events, UTF-8) {rawText / 1e6:F0} MB; FTS index {index / 1e6:F0} MB = article_search {words / 1e6:F0} MB + article_grams {grams / 1e6:F0} MB (payload of their shadow tables; this SQLite has no dbstat) ({(double)index / rawText:F2}× the text); database file {file / 1e6:F0} MB");
    }

    /// <summary>After a warm-up, each query runs cold (the search cache cleared: the first time anyone searches
    /// it since the data changed) and then repeated with a filter added (what a reader's next click on
    /// a facet costs), beside the bare FTS5 query.</summary>
    private static void MeasureQueries(ArticleListing listing, ListIndexCache listIndex, SearchResultsCache searches, SqliteDatabase database, int runs)
    {
        Console.WriteLine();
        Console.WriteLine($"| class | queries (hits) | cold p50 | cold p95 | next click p50 | next click p95 | floor p50 (rank) | floor p95 (rank) | floor p50 (newest) | cold p50 / rank floor p50 | load |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        listIndex.Load();

        // Warm-up, untimed: a portal that has served a few searches runs the search code JIT-compiled
        // at full optimisation (.NET tiers code up after its first calls); without this, the first
        // classes measured pay for that and the later ones do not.
        for (var pass = 0; pass < 3; pass++)
        {
            foreach (var (_, queries, filter) in Classes)
            {
                foreach (var text in queries)
                {
                    searches.Clear();
                    listing.List((filter ?? new ArticleFilter()) with { Query = text });
                }
            }
        }

        foreach (var (name, queries, filter) in Classes)
        {
            var cold = new List<double>();
            var next = new List<double>();
            var rankFloor = new List<double>();
            var newestFloor = new List<double>();
            var hits = new List<string>();
            foreach (var text in queries)
            {
                var query = SearchQuery.Parse(text);
                var f = (filter ?? new ArticleFilter()) with { Query = text };
                var clicked = f with { Technologies = ["大模型"] };
                hits.Add($"{text} ({listing.List(f).Total:N0})");
                for (var run = 0; run < runs; run++)
                {
                    searches.Clear();
                    cold.Add(Time(() => listing.List(f)));
                    next.Add(Time(() => listing.List(clicked)));
                    rankFloor.Add(Time(() => Floor(database, Fts5Query.Match(query)!, "rank")));
                    newestFloor.Add(Time(() => Floor(database, Fts5Query.Match(query)!, "rowid DESC")));
                }
            }

            Console.WriteLine(
                $"| {name} | {string.Join(", ", hits)} | {Percentile(cold, 50):F1} ms | {Percentile(cold, 95):F1} ms | {Percentile(next, 50):F1} ms | {Percentile(next, 95):F1} ms | {Percentile(rankFloor, 50):F1} ms | {Percentile(rankFloor, 95):F1} ms | {Percentile(newestFloor, 50):F2} ms | {Percentile(cold, 50) / Percentile(rankFloor, 50):F2}× | {Load()} |");
        }
    }

    /// <summary>Times the parts of a search one by one, to see where List spends its time.</summary>
    private static void Probe(SqliteDatabase database, string text)
    {
        var match = Fts5Query.Match(SearchQuery.Parse(text))!;
        using var connection = database.Open();
        List<long> seqs = [];
        for (var run = 0; run < 3; run++)
        {
            var matches = Time(() => seqs = Query(connection, "SELECT rowid FROM article_search WHERE article_search MATCH $q", match, null));
            var candidates = System.Text.Json.JsonSerializer.Serialize(seqs.Take(500));
            var scoreIn = Time(() => Query(connection, "SELECT rowid, bm25(article_search, 10.0, 6.0, 2.0, 1.0) FROM article_search WHERE article_search MATCH $q AND rowid IN (SELECT value FROM json_each($s))", match, candidates));
            var scoreCase = Time(() => Query(connection, "SELECT rowid, CASE WHEN rowid IN (SELECT value FROM json_each($s)) THEN bm25(article_search, 10.0, 6.0, 2.0, 1.0) END FROM article_search WHERE article_search MATCH $q", match, candidates));
            var texts = new List<string>();
            var read = Time(() =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT text FROM articles WHERE seq IN (SELECT value FROM json_each($s))";
                command.Parameters.AddWithValue("$s", System.Text.Json.JsonSerializer.Serialize(seqs.Take(20)));
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    texts.Add(reader.GetString(0));
                }
            });
            var terms = SearchQuery.Parse(text).Terms;
            var snippets = Time(() => texts.ForEach(t => SearchHighlighter.Snippet(t, terms)));
            Console.WriteLine($"{text}: {seqs.Count} matches {matches:F1} ms; scores IN {scoreIn:F1} ms; scores CASE {scoreCase:F1} ms; read 20 texts {read:F1} ms; 20 snippets {snippets:F1} ms");
        }
    }

    private static List<long> Query(SqliteConnection connection, string sql, string match, string? seqs)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$q", match);
        if (seqs is not null)
        {
            command.Parameters.AddWithValue("$s", seqs);
        }

        using var reader = command.ExecuteReader();
        var rows = new List<long>();
        while (reader.Read())
        {
            rows.Add(reader.GetInt64(0));
        }

        return rows;
    }

    /// <summary>The bare FTS5 query, no Dapper, no page: what any search here costs at least.</summary>
    private static int Floor(SqliteDatabase database, string match, string order)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT rowid FROM article_search WHERE article_search MATCH $q ORDER BY {order} LIMIT 20";
        command.Parameters.AddWithValue("$q", match);
        using var reader = command.ExecuteReader();
        var count = 0;
        while (reader.Read())
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// Builds a bigram table (our tokens, as ingestion writes them) and a trigram table (raw text)
    /// over the same articles in a scratch file, timing each, then compares their sizes.
    /// </summary>
    private static void CompareTokenizers(SqliteDatabase database, string scratchPath)
    {
        SqliteConnection.ClearAllPools();
        File.Delete(scratchPath);
        using var connection = database.Open();
        Execute(connection, $"ATTACH DATABASE '{scratchPath.Replace("'", "''", StringComparison.Ordinal)}' AS cmp");
        Execute(connection, "CREATE VIRTUAL TABLE cmp.bigram USING fts5(title, tags, events, body, content='', contentless_delete=1, tokenize='ascii', prefix='1')");
        Execute(connection, "CREATE VIRTUAL TABLE cmp.trigram USING fts5(title, tags, events, body, content='', contentless_delete=1, tokenize='trigram')");

        var rows = new List<(long Seq, string Title, string Tags, string Events, string Body)>();
        using (var select = connection.CreateCommand())
        {
            select.CommandText = """
                SELECT a.seq, a.title,
                       (SELECT group_concat(t.value, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_seq = a.seq),
                       a.events_markdown, a.text
                FROM articles a ORDER BY a.seq
                """;
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? "" : reader.GetString(2), reader.GetString(3), reader.GetString(4)));
            }
        }

        var tokenize = Stopwatch.StartNew();
        var documents = rows.Select(r => (r.Seq, Doc: SearchDocument.For(r.Title, r.Tags, r.Events, r.Body))).ToList();
        var tokenizeSeconds = tokenize.Elapsed.TotalSeconds;
        var bigramSeconds = Insert(connection, "cmp.bigram", documents.Select(d => (d.Seq, d.Doc.Title, d.Doc.Tags, d.Doc.Events, d.Doc.Body)));
        var trigramSeconds = Insert(connection, "cmp.trigram", rows);
        var bigramBytes = IndexBytes(connection, "cmp.bigram");
        var trigramBytes = IndexBytes(connection, "cmp.trigram");
        Console.WriteLine();
        Console.WriteLine($"| table over {rows.Count:N0} articles | build | index size |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| bigram (ours: ascii tokenizer over app tokens, prefix='1') | {tokenizeSeconds:F1} s tokenising + {bigramSeconds:F1} s insert | {bigramBytes / 1e6:F0} MB |");
        Console.WriteLine($"| trigram (raw text) | {trigramSeconds:F1} s insert | {trigramBytes / 1e6:F0} MB |");
        foreach (var query in (string[])["模型", "医", "大模型", "人工智能"])
        {
            var sql = $"SELECT COUNT(*) FROM cmp.trigram WHERE trigram MATCH '\"{query}\"'";
            var trigramHits = Scalar(connection, sql);
            var bigramHits = Scalar(connection, $"SELECT COUNT(*) FROM cmp.bigram WHERE bigram MATCH '{Fts5Query.Match(SearchQuery.Parse(query))!.Replace("'", "''", StringComparison.Ordinal)}'");
            Console.WriteLine($"hits for {query}: bigram {bigramHits:N0}, trigram {trigramHits:N0}");
        }

        Execute(connection, "DETACH DATABASE cmp");
        File.Delete(scratchPath);
    }

    private static double Insert(SqliteConnection connection, string table, IEnumerable<(long Seq, string Title, string Tags, string Events, string Body)> rows)
    {
        var stopwatch = Stopwatch.StartNew();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} (rowid, title, tags, events, body) VALUES ($seq, $title, $tags, $events, $body)";
        var seq = command.Parameters.Add("$seq", SqliteType.Integer);
        var title = command.Parameters.Add("$title", SqliteType.Text);
        var tags = command.Parameters.Add("$tags", SqliteType.Text);
        var events = command.Parameters.Add("$events", SqliteType.Text);
        var body = command.Parameters.Add("$body", SqliteType.Text);
        foreach (var row in rows)
        {
            seq.Value = row.Seq;
            title.Value = row.Title;
            tags.Value = row.Tags;
            events.Value = row.Events;
            body.Value = row.Body;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
        return stopwatch.Elapsed.TotalSeconds;
    }

    private static double Time(Action action)
    {
        var stopwatch = Stopwatch.StartNew();
        action();
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    private static double Time<T>(Func<T> action) => Time(() => { action(); });

    internal static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        var index = (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }

    /// <summary>Bytes stored in an FTS5 table's shadow tables (the bundled SQLite has no dbstat to count pages).</summary>
    private static long IndexBytes(SqliteConnection connection, string table) =>
        Scalar(connection, $"SELECT SUM(length(block)) FROM {table}_data")
        + Scalar(connection, $"SELECT COALESCE(SUM(length(sz)), 0) FROM {table}_docsize")
        + Scalar(connection, $"SELECT COALESCE(SUM(length(term) + 16), 0) FROM {table}_idx");

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string SqliteVersion()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        return (string)command.ExecuteScalar()!;
    }

    private static string Load() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
