using Dapper;
using Microsoft.Data.Sqlite;
using NewsDigest.Core.Search;

namespace NewsDigest.Core.Storage.Sqlite;

/// <summary>
/// The writes of the two FTS5 tables: article_search (application-side tokens from
/// <see cref="SearchTextAnalyzer"/> in four weighted columns) and article_grams (the CJK characters
/// and trigrams), both keyed by articles.seq and holding no text of their own.
/// </summary>
internal static class SearchEntries
{
    /// <summary>
    /// Writes the entries of these articles: first the deletes of the old entries of articles that
    /// had one (<c>Existing</c>; a new article's seq has none, and a delete still costs FTS5 a
    /// lookup), then all inserts. FTS5 keeps a
    /// transaction's new tokens in memory, but flushes them to a new segment whenever another
    /// statement of the transaction opens a statement savepoint (an upsert, a multi-row insert, a
    /// delete). Written one article at a time between the articles' other writes, every article
    /// would become a segment to merge later, which costs a large ingest most of its time; written
    /// together at the end of a batch they make one.
    /// </summary>
    public static void Replace(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyCollection<(long Seq, SearchDocument Document, bool Existing)> entries)
    {
        foreach (var (seq, _, _) in entries.Where(e => e.Existing))
        {
            Remove(connection, transaction, seq);
        }

        // All of one table, then all of the other, not an article at a time: as above, a statement
        // in between can make FTS5 write out what it holds as a segment of its own.
        InsertWords(connection, transaction, entries.Select(e => (e.Seq, e.Document)));
        InsertGrams(connection, transaction, entries.Select(e => (e.Seq, e.Document)));
    }

    /// <summary>
    /// Writes every article's entry in article_search from what <c>articles</c> and <c>tags</c>
    /// hold, into an empty table: for a migration that changes how the table tokenises.
    /// </summary>
    internal static void RebuildWords(SqliteConnection connection, SqliteTransaction transaction) =>
        Refill(connection, transaction, InsertWords);

    /// <summary>Writes every article's entries in both tables, into empty tables: for a migration that
    /// changes how they tokenise.</summary>
    internal static void Rebuild(SqliteConnection connection, SqliteTransaction transaction) =>
        Refill(connection, transaction, (c, t, entries) =>
        {
            var list = entries.ToList();
            InsertWords(c, t, list);
            InsertGrams(c, t, list);
        });

    /// <summary>
    /// Tokenises every article from what <c>articles</c> and <c>tags</c> hold and hands the
    /// entries to <paramref name="insert"/>. Tokenising runs on every core, a chunk of articles at
    /// a time, so memory stays flat however many articles there are.
    /// </summary>
    private static void Refill(
        SqliteConnection connection, SqliteTransaction transaction,
        Action<SqliteConnection, SqliteTransaction, IEnumerable<(long Seq, SearchDocument Document)>> insert)
    {
        // The tags in the order SearchDocument.For joins them: industries, technologies, keywords,
        // each kind in the file's order.
        var articles = connection.Query<(long Seq, string Title, string EventsMarkdown, string Text, string? Tags)>(
            """
            SELECT a.seq, a.title, a.events_markdown, a.text,
                   (SELECT group_concat(t.value, ' ' ORDER BY
                               CASE t.kind WHEN 'industry' THEN 0 WHEN 'technology' THEN 1 ELSE 2 END, l.position)
                    FROM article_tags l JOIN tags t ON t.id = l.tag_id
                    WHERE l.article_seq = a.seq) AS tags
            FROM articles a
            ORDER BY a.seq
            """,
            transaction: transaction,
            buffered: false);
        foreach (var chunk in articles.Chunk(256))
        {
            var documents = new SearchDocument[chunk.Length];
            Parallel.For(0, chunk.Length, i =>
                documents[i] = SearchDocument.For(chunk[i].Title, chunk[i].Tags ?? "", chunk[i].EventsMarkdown, chunk[i].Text));
            insert(connection, transaction, chunk.Select((article, i) => (article.Seq, documents[i])));
        }
    }

    /// <summary>One statement, compiled once, for all the entries' article_search rows.</summary>
    private static void InsertWords(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<(long Seq, SearchDocument Document)> entries)
    {
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText =
            """
            INSERT INTO article_search (rowid, title, tags, events, body)
            VALUES ($seq, $title, $tags, $events, $body)
            """;
        var seq = insert.Parameters.Add("$seq", SqliteType.Integer);
        var title = insert.Parameters.Add("$title", SqliteType.Text);
        var tags = insert.Parameters.Add("$tags", SqliteType.Text);
        var events = insert.Parameters.Add("$events", SqliteType.Text);
        var body = insert.Parameters.Add("$body", SqliteType.Text);
        foreach (var entry in entries)
        {
            seq.Value = entry.Seq;
            title.Value = entry.Document.Title;
            tags.Value = entry.Document.Tags;
            events.Value = entry.Document.Events;
            body.Value = entry.Document.Body;
            insert.ExecuteNonQuery();
        }
    }

    /// <summary>One statement, compiled once, for all the entries' article_grams rows.</summary>
    private static void InsertGrams(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<(long Seq, SearchDocument Document)> entries)
    {
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO article_grams (rowid, grams) VALUES ($seq, $grams)";
        var seq = insert.Parameters.Add("$seq", SqliteType.Integer);
        var grams = insert.Parameters.Add("$grams", SqliteType.Text);
        foreach (var entry in entries)
        {
            seq.Value = entry.Seq;
            grams.Value = entry.Document.Grams;
            insert.ExecuteNonQuery();
        }
    }

    /// <summary>Removes an article's entries from both tables.</summary>
    public static void Remove(SqliteConnection connection, SqliteTransaction transaction, long seq) =>
        connection.Execute(
            """
            DELETE FROM article_search WHERE rowid = @seq;
            DELETE FROM article_grams WHERE rowid = @seq;
            """,
            new { seq },
            transaction);
}
