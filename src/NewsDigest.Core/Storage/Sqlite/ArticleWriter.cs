using System.Globalization;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace NewsDigest.Core.Storage.Sqlite;

/// <summary>
/// The ingestion writer's article statements, prepared once per scan on the writer's connection.
/// The single writer is what bounds a large ingest, and preparing each statement again for every
/// file (as a Dapper call does) plus resolving tags through JSON costs it about a third of its time.
/// Tag ids are remembered for the scan: tags are only ever deleted at its end
/// (<see cref="DeleteOrphanTags"/>), after the last save. One scan, one thread.
/// </summary>
internal sealed class ArticleWriter : IDisposable
{
    private readonly SqliteCommand _upsert;
    private readonly SqliteCommand _deleteTagLinks;
    private readonly SqliteCommand _insertTag;
    private readonly SqliteCommand _findTag;
    private readonly SqliteCommand _insertTagLink;
    private readonly SqliteCommand _sourceFileOf;
    private readonly SqliteCommand _firstWithLink;
    private readonly Dictionary<(string Kind, string Norm), long> _tagIds = [];

    public ArticleWriter(SqliteConnection connection)
    {
        // Inserts or updates by id, keeping the seq and the first-ingested time (and so the
        // article's place in the list).
        _upsert = Prepare(connection,
            """
            INSERT INTO articles (id, source_file, title, slug, link, link_host, text, excerpt,
                                  events_markdown, events_html, event_count, event_anchors, events_text,
                                  published, sort_key, lang, ingested_at, updated_at)
            VALUES ($id, $source_file, $title, $slug, $link, $link_host, $text, $excerpt,
                    $events_markdown, $events_html, $event_count, $event_anchors, $events_text,
                    $published, COALESCE($published || 'T00:00:00Z', $now), $lang, $now, $now)
            ON CONFLICT (id) DO UPDATE SET
                source_file = excluded.source_file, title = excluded.title, slug = excluded.slug,
                link = excluded.link, link_host = excluded.link_host, text = excluded.text,
                excerpt = excluded.excerpt, events_markdown = excluded.events_markdown,
                events_html = excluded.events_html, event_count = excluded.event_count,
                event_anchors = excluded.event_anchors, events_text = excluded.events_text,
                published = excluded.published,
                sort_key = COALESCE(excluded.published || 'T00:00:00Z', articles.ingested_at),
                lang = excluded.lang, updated_at = excluded.updated_at
            RETURNING seq
            """);
        _deleteTagLinks = Prepare(connection, "DELETE FROM article_tags WHERE article_seq = $seq");

        // A tag seen before keeps its first spelling.
        _insertTag = Prepare(connection,
            "INSERT INTO tags (kind, value, norm) VALUES ($kind, $value, $norm) ON CONFLICT (kind, norm) DO NOTHING");
        _findTag = Prepare(connection, "SELECT id FROM tags WHERE kind = $kind AND norm = $norm");

        // A tag listed twice keeps its first position.
        _insertTagLink = Prepare(connection,
            "INSERT OR IGNORE INTO article_tags (article_seq, tag_id, position) VALUES ($seq, $tag, $position)");
        _sourceFileOf = Prepare(connection, "SELECT source_file FROM articles WHERE id = $id");
        _firstWithLink = Prepare(connection,
            "SELECT id FROM articles WHERE link = $link AND id <> $id ORDER BY ingested_at, seq LIMIT 1");
    }

    /// <summary>
    /// Inserts or updates the article and replaces its tags; returns its seq. <paramref name="existing"/>:
    /// an article with this id is already stored (a new one has no tag links to delete). The caller
    /// writes the search entry with <see cref="SearchEntries.Replace"/> after the transaction's other
    /// writes: see there why.
    /// </summary>
    public long Save(SqliteTransaction transaction, ArticleRecord article, bool existing, DateTime now)
    {
        var digest = article.Digest;
        var stamp = Timestamps.Format(now);
        var seq = (long)Run(_upsert, transaction,
            ("$id", article.Id),
            ("$source_file", article.SourceFile),
            ("$title", digest.Title),
            ("$slug", article.Slug),
            ("$link", digest.Link),
            ("$link_host", HostOf(digest.Link)),
            ("$text", digest.Text),
            ("$excerpt", article.Excerpt),
            ("$events_markdown", digest.EventsMarkdown),
            ("$events_html", article.Events.Html),
            ("$event_count", article.Events.EventCount),
            ("$event_anchors", JsonSerializer.Serialize(article.Events.Anchors)),
            ("$events_text", article.Events.Text),
            ("$published", digest.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("$lang", article.Language),
            ("$now", stamp))!;

        if (existing)
        {
            Run(_deleteTagLinks, transaction, ("$seq", seq));
        }

        foreach (var (kind, values) in new[] { (TagKind.Industry, digest.Industries), (TagKind.Technology, digest.Technologies), (TagKind.Keyword, digest.Keywords) })
        {
            for (var position = 0; position < values.Count; position++)
            {
                var tag = TagId(transaction, kind.DatabaseName(), values[position]);
                Run(_insertTagLink, transaction, ("$seq", seq), ("$tag", tag), ("$position", position));
            }
        }

        return seq;
    }

    /// <summary>Which file already owns this id, if any.</summary>
    public string? SourceFileOf(SqliteTransaction transaction, string id) =>
        (string?)Run(_sourceFileOf, transaction, ("$id", id));

    /// <summary>The article (other than <paramref name="exceptId"/>) that first used this link.</summary>
    public string? FirstWithLink(SqliteTransaction transaction, string link, string exceptId) =>
        (string?)Run(_firstWithLink, transaction, ("$link", link), ("$id", exceptId));

    /// <summary>Removes an article, its tag links and its search entry. False if it was not there.</summary>
    public static bool Delete(SqliteConnection connection, SqliteTransaction transaction, string id)
    {
        var seq = connection.ExecuteScalar<long?>("SELECT seq FROM articles WHERE id = @id", new { id }, transaction);
        if (seq is null)
        {
            return false;
        }

        SearchEntries.Remove(connection, transaction, seq.Value);
        connection.Execute("DELETE FROM articles WHERE seq = @seq", new { seq }, transaction);
        return true;
    }

    /// <summary>Drops tags no article carries any more, so tag pages never list empty tags.</summary>
    public static int DeleteOrphanTags(SqliteConnection connection, SqliteTransaction transaction) =>
        connection.Execute(
            "DELETE FROM tags WHERE NOT EXISTS (SELECT 1 FROM article_tags at WHERE at.tag_id = tags.id)",
            transaction: transaction);

    public void Dispose()
    {
        foreach (var command in new[] { _upsert, _deleteTagLinks, _insertTag, _findTag, _insertTagLink, _sourceFileOf, _firstWithLink })
        {
            command.Dispose();
        }
    }

    private long TagId(SqliteTransaction transaction, string kind, string value)
    {
        var norm = TagKinds.Normalize(value);
        if (!_tagIds.TryGetValue((kind, norm), out var id))
        {
            Run(_insertTag, transaction, ("$kind", kind), ("$value", value), ("$norm", norm));
            id = (long)Run(_findTag, transaction, ("$kind", kind), ("$norm", norm))!;
            _tagIds[(kind, norm)] = id;
        }

        return id;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    /// <summary>Runs a prepared command in <paramref name="transaction"/>; the first column of its
    /// first row, or null. SQLite compiles the statement on the first run and keeps it.</summary>
    private static object? Run(SqliteCommand command, SqliteTransaction transaction, params ReadOnlySpan<(string Name, object? Value)> values)
    {
        command.Transaction = transaction;
        foreach (var (name, value) in values)
        {
            var parameter = command.Parameters.Contains(name)
                ? command.Parameters[name]
                : command.Parameters.Add(new SqliteParameter { ParameterName = name });
            parameter.Value = value ?? DBNull.Value;
        }

        var result = command.ExecuteScalar();
        return result is DBNull ? null : result;
    }

    private static string? HostOf(string? link) =>
        link is not null && Uri.TryCreate(link, UriKind.Absolute, out var uri) ? uri.Host : null;
}
