using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsDigest.Core.Parsing;
using NewsDigest.Core.Rendering;
using NewsDigest.Core.Storage;
using NewsDigest.Core.Storage.Sqlite;

namespace NewsDigest.Benchmarks;

/// <summary>
/// The floor for ingestion: the same rows (articles, tags, tag links, search tokens, source
/// files) written into the same schema with plain prepared <see cref="SqliteCommand"/>s in one
/// transaction. Parsing, rendering and tokenising happen before the clock starts, so only
/// SQLite's work (above all FTS5 indexing) is timed.
/// </summary>
internal static class BulkInsertFloor
{
    public static void Run(string corpus, string databasePath, int runs)
    {
        var rows = PrepareRows(corpus);
        for (var run = 0; run < runs; run++)
        {
            IngestPhases.DeleteDatabase(databasePath);
            var database = new SqliteDatabase(databasePath);
            database.Migrate();
            var seconds = Insert(database, rows);
            SqliteConnection.ClearAllPools();
            Console.WriteLine(new PhaseResult(seconds, IngestPhases.PeakWorkingSet()).ToLine());
        }
    }

    private sealed record Row(ArticleRecord Article, long Size, string Mtime, string Sha256);

    /// <summary>What the ingester derives from each file, made on every core (not timed).</summary>
    private static Row[] PrepareRows(string corpus)
    {
        var files = Directory.GetFiles(corpus).Order(StringComparer.Ordinal).ToArray();
        var parser = new DigestParser(new DigestParserOptions());
        var renderer = new MarkdownRenderer();
        var rows = new Row[files.Length];
        Parallel.For(0, files.Length, i =>
        {
            var path = Path.GetFileName(files[i]);
            var bytes = File.ReadAllBytes(files[i]);
            var digest = parser.Parse(path, bytes);
            var article = ArticleRecord.Derive(path, digest, renderer);
            var mtime = File.GetLastWriteTimeUtc(files[i]).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
            rows[i] = new Row(article, bytes.Length, mtime, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        });
        return rows;
    }

    private static double Insert(SqliteDatabase database, Row[] rows)
    {
        var now = Timestamps.Format(DateTime.UtcNow);
        using var connection = database.Open();
        var stopwatch = Stopwatch.StartNew();
        using var transaction = connection.BeginTransaction();
        using var insertArticle = Prepare(connection, transaction,
            """
            INSERT INTO articles (seq, id, source_file, title, slug, link, link_host, text, excerpt,
                                  events_markdown, events_html, event_count, event_anchors, events_text,
                                  published, sort_key, lang, ingested_at, updated_at)
            VALUES ($seq, $id, $source_file, $title, $slug, $link, $link_host, $text, $excerpt,
                    $events_markdown, $events_html, $event_count, $event_anchors, $events_text,
                    $published, $sort_key, $lang, $now, $now)
            """,
            "$seq", "$id", "$source_file", "$title", "$slug", "$link", "$link_host", "$text", "$excerpt",
            "$events_markdown", "$events_html", "$event_count", "$event_anchors", "$events_text",
            "$published", "$sort_key", "$lang", "$now");
        using var insertTag = Prepare(connection, transaction,
            "INSERT INTO tags (id, kind, value, norm) VALUES ($id, $kind, $value, $norm)",
            "$id", "$kind", "$value", "$norm");
        using var insertArticleTag = Prepare(connection, transaction,
            "INSERT OR IGNORE INTO article_tags (article_seq, tag_id, position) VALUES ($seq, $tag, $position)",
            "$seq", "$tag", "$position");
        using var insertSearch = Prepare(connection, transaction,
            "INSERT INTO article_search (rowid, title, tags, events, body) VALUES ($seq, $title, $tags, $events, $body)",
            "$seq", "$title", "$tags", "$events", "$body");
        using var insertGrams = Prepare(connection, transaction,
            "INSERT INTO article_grams (rowid, grams) VALUES ($seq, $grams)",
            "$seq", "$grams");
        using var insertFile = Prepare(connection, transaction,
            """
            INSERT INTO source_files (path, size, mtime, sha256, status, article_id, run_id, updated_at)
            VALUES ($path, $size, $mtime, $sha256, 'added', $article_id, 1, $now)
            """,
            "$path", "$size", "$mtime", "$sha256", "$article_id", "$now");

        var tagIds = new Dictionary<(string Kind, string Norm), long>();
        for (var i = 0; i < rows.Length; i++)
        {
            var (article, size, mtime, sha256) = rows[i];
            var digest = article.Digest;
            long seq = i + 1;
            var published = digest.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Execute(insertArticle, seq, article.Id, article.SourceFile, digest.Title, article.Slug, digest.Link,
                digest.Link is null ? null : new Uri(digest.Link).Host, digest.Text, article.Excerpt,
                digest.EventsMarkdown, article.Events.Html, article.Events.EventCount,
                JsonSerializer.Serialize(article.Events.Anchors), article.Events.Text, published,
                published is null ? now : published + "T00:00:00Z", article.Language, now);

            foreach (var (kind, values) in new[] { (TagKind.Industry, digest.Industries), (TagKind.Technology, digest.Technologies), (TagKind.Keyword, digest.Keywords) })
            {
                for (var position = 0; position < values.Count; position++)
                {
                    var key = (kind.DatabaseName(), TagKinds.Normalize(values[position]));
                    if (!tagIds.TryGetValue(key, out var tagId))
                    {
                        tagId = tagIds.Count + 1;
                        tagIds.Add(key, tagId);
                        Execute(insertTag, tagId, key.Item1, values[position], key.Item2);
                    }

                    Execute(insertArticleTag, seq, tagId, position);
                }
            }

            var search = article.Search;
            Execute(insertSearch, seq, search.Title, search.Tags, search.Events, search.Body);
            Execute(insertGrams, seq, search.Grams);
            Execute(insertFile, article.SourceFile, size, mtime, sha256, article.Id, now);
        }

        transaction.Commit();
        return stopwatch.Elapsed.TotalSeconds;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Execute(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }
}
