using System.Globalization;
using System.Text.Json;
using Dapper;
using Npgsql;

namespace NewsDigest.Core.Storage.Postgres;

/// <summary>
/// The ingestion writer's article statements over articles, tags, article_tags and article_search,
/// in the scan's transaction. Tag ids are remembered for the scan: tags are only ever deleted at
/// its end (<see cref="DeleteOrphanTags"/>), after the last save. One scan, one thread.
/// </summary>
internal sealed class PostgresArticleWriter(NpgsqlConnection connection)
{
    private readonly Dictionary<(string Kind, string Norm), long> _tagIds = [];

    /// <summary>Inserts or updates the article by id (keeping its seq and first-ingested time, and
    /// so its place in the list), replaces its tags and its search entry; returns its seq.</summary>
    public long Save(NpgsqlTransaction transaction, ArticleRecord article, bool existing, DateTime now)
    {
        var digest = article.Digest;
        var seq = connection.ExecuteScalar<long>(
            """
            INSERT INTO articles (id, source_file, title, slug, link, link_host, text, excerpt,
                                  events_markdown, events_html, event_count, event_anchors, events_text,
                                  published, sort_key, lang, ingested_at, updated_at)
            VALUES (@id, @sourceFile, @title, @slug, @link, @linkHost, @text, @excerpt,
                    @eventsMarkdown, @eventsHtml, @eventCount, @eventAnchors, @eventsText,
                    @published, COALESCE(@published || 'T00:00:00Z', @now), @lang, @now, @now)
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
            """,
            new
            {
                id = article.Id,
                sourceFile = article.SourceFile,
                title = digest.Title,
                slug = article.Slug,
                link = digest.Link,
                linkHost = HostOf(digest.Link),
                text = digest.Text,
                excerpt = article.Excerpt,
                eventsMarkdown = digest.EventsMarkdown,
                eventsHtml = article.Events.Html,
                eventCount = article.Events.EventCount,
                eventAnchors = JsonSerializer.Serialize(article.Events.Anchors),
                eventsText = article.Events.Text,
                published = digest.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                lang = article.Language,
                now = Timestamps.Format(now),
            },
            transaction);

        if (existing)
        {
            connection.Execute("DELETE FROM article_tags WHERE article_seq = @seq", new { seq }, transaction);
        }

        var tagIds = new List<long>();
        var positions = new List<int>();
        foreach (var (kind, values) in new[] { (TagKind.Industry, digest.Industries), (TagKind.Technology, digest.Technologies), (TagKind.Keyword, digest.Keywords) })
        {
            for (var position = 0; position < values.Count; position++)
            {
                tagIds.Add(TagId(transaction, kind.DatabaseName(), values[position]));
                positions.Add(position);
            }
        }

        // A tag listed twice keeps its first position.
        connection.Execute(
            """
            INSERT INTO article_tags (article_seq, tag_id, position)
            SELECT @seq, t.tag_id, t.position FROM unnest(@tagIds, @positions) WITH ORDINALITY AS t (tag_id, position, n)
            ORDER BY t.n
            ON CONFLICT DO NOTHING
            """,
            new { seq, tagIds = tagIds.ToArray(), positions = positions.ToArray() },
            transaction);

        connection.Execute(
            """
            INSERT INTO article_search (seq, words, grams) VALUES (@seq, @words::tsvector, @grams::tsvector)
            ON CONFLICT (seq) DO UPDATE SET words = excluded.words, grams = excluded.grams
            """,
            new { seq, words = PostgresTsVector.Words(article.Search), grams = PostgresTsVector.Grams(article.Search) },
            transaction);
        return seq;
    }

    /// <summary>Which file already owns this id, if any.</summary>
    public string? SourceFileOf(NpgsqlTransaction transaction, string id) =>
        connection.ExecuteScalar<string?>("SELECT source_file FROM articles WHERE id = @id", new { id }, transaction);

    /// <summary>The article (other than <paramref name="exceptId"/>) that first used this link.</summary>
    public string? FirstWithLink(NpgsqlTransaction transaction, string link, string exceptId) =>
        connection.ExecuteScalar<string?>(
            "SELECT id FROM articles WHERE link = @link AND id <> @exceptId ORDER BY ingested_at, seq LIMIT 1",
            new { link, exceptId },
            transaction);

    /// <summary>Removes an article; its tag links, search entry and story row go with it
    /// (ON DELETE CASCADE). False if it was not there.</summary>
    public bool Delete(NpgsqlTransaction transaction, string id) =>
        connection.Execute("DELETE FROM articles WHERE id = @id", new { id }, transaction) > 0;

    /// <summary>Drops tags no article carries any more, so tag pages never list empty tags.</summary>
    public int DeleteOrphanTags(NpgsqlTransaction transaction) =>
        connection.Execute(
            "DELETE FROM tags WHERE NOT EXISTS (SELECT 1 FROM article_tags at WHERE at.tag_id = tags.id)",
            transaction: transaction);

    private long TagId(NpgsqlTransaction transaction, string kind, string value)
    {
        var norm = TagKinds.Normalize(value);
        if (!_tagIds.TryGetValue((kind, norm), out var id))
        {
            // A tag seen before keeps its first spelling.
            connection.Execute(
                "INSERT INTO tags (kind, value, norm) VALUES (@kind, @value, @norm) ON CONFLICT (kind, norm) DO NOTHING",
                new { kind, value, norm },
                transaction);
            id = connection.ExecuteScalar<long>("SELECT id FROM tags WHERE kind = @kind AND norm = @norm", new { kind, norm }, transaction);
            _tagIds[(kind, norm)] = id;
        }

        return id;
    }

    private static string? HostOf(string? link) =>
        link is not null && Uri.TryCreate(link, UriKind.Absolute, out var uri) ? uri.Host : null;
}
