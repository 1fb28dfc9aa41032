using System.Data;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Npgsql;

namespace NewsDigest.Core.Storage.Postgres;

/// <summary>SQL over articles and their tags: the reads of <see cref="IArticleReader"/>. Ingestion
/// writes them through <see cref="PostgresArticleWriter"/>.</summary>
public sealed class PostgresArticles(PostgresDatabase database) : IArticleReader
{
    private const string ListColumns = """
        a.seq AS Seq, a.id AS Id, a.title AS Title, a.slug AS Slug, a.link AS Link,
        a.link_host AS LinkHost, a.excerpt AS Excerpt, substr(a.sort_key, 1, 10) AS Date,
        a.lang AS Language
        """;

    private const string DetailColumns = """
        seq AS Seq, id AS Id, title AS Title, slug AS Slug, link AS Link, link_host AS LinkHost,
        excerpt AS Excerpt, events_markdown AS EventsMarkdown, events_html AS EventsHtml,
        event_count AS EventCount, events_text AS EventsText, published AS Published,
        substr(sort_key, 1, 10) AS Date, sort_key AS SortKey, lang AS Language,
        source_file AS SourceFile, ingested_at AS IngestedAt, updated_at AS UpdatedAt
        """;

    public int Count()
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<int>("SELECT COUNT(*) FROM articles");
    }

    public ArticleDetail? Get(string id)
    {
        using var connection = database.Open();
        var article = connection.Query<ArticleDetail, string, ArticleDetail>(
            $"SELECT {DetailColumns}, text AS Text, event_anchors FROM articles WHERE id = @id",
            WithEventAnchors,
            new { id },
            splitOn: "event_anchors").SingleOrDefault();
        if (article is null)
        {
            return null;
        }

        TagsOf(connection, [article.Seq]).FillIn(article);
        return article;
    }

    public string? SlugOf(string id)
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<string?>("SELECT slug FROM articles WHERE id = @id", new { id });
    }

    public IReadOnlyList<ArticleListItem> ListItems(IReadOnlyList<long> seqs)
    {
        using var connection = database.Open();
        var rows = connection.Query<ArticleListItem>(
            $"SELECT {ListColumns} FROM articles a WHERE a.seq = ANY(@seqs)",
            new { seqs = seqs.ToArray() })
            .ToDictionary(i => i.Seq);
        var items = seqs.Where(rows.ContainsKey).Select(seq => rows[seq]).ToList();
        var tags = TagsOf(connection, seqs);
        foreach (var item in items)
        {
            tags.FillIn(item);
        }

        return items;
    }

    public IReadOnlyList<ArticleText> Texts(IReadOnlyList<long> seqs)
    {
        using var connection = database.Open();
        return connection.Query<ArticleText>(
            "SELECT seq AS Seq, text AS Text, events_markdown AS EventsMarkdown FROM articles WHERE seq = ANY(@seqs)",
            new { seqs = seqs.ToArray() }).AsList();
    }

    public ListIndexRows ReadListIndexRows()
    {
        using var connection = database.Open();
        // One snapshot, so the three reads agree with each other.
        using var transaction = connection.BeginTransaction(IsolationLevel.RepeatableRead);
        var newestFirst = connection.Query<(long Seq, string Title, string? Published)>(
            "SELECT seq, title, published FROM articles ORDER BY sort_key DESC, seq DESC", transaction: transaction)
            .Select(a => (a.Seq, a.Title, a.Published is null ? (DateOnly?)null : DateOnly.ParseExact(a.Published, "yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .ToList();
        var links = connection.Query<(long Seq, long TagId)>(
            "SELECT article_seq, tag_id FROM article_tags", transaction: transaction).AsList();
        var tags = connection.Query<(long Id, string Kind, string Value, string Norm)>(
            "SELECT id, kind, value, norm FROM tags", transaction: transaction)
            .Select(t => (t.Id, TagKinds.FromDatabaseName(t.Kind), t.Value, t.Norm))
            .ToList();
        return new ListIndexRows(newestFirst, links, tags);
    }

    public string? FindTag(TagKind kind, string value)
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<string?>(
            """
            SELECT t.value FROM tags t
            WHERE t.kind = @kind AND t.norm = @norm
              AND EXISTS (SELECT 1 FROM article_tags at WHERE at.tag_id = t.id)
            """,
            new { kind = kind.DatabaseName(), norm = TagKinds.Normalize(value) });
    }

    public IReadOnlyList<ArticleDetail> GetMany(IReadOnlyList<string> ids)
    {
        using var connection = database.Open();
        var found = connection.Query<ArticleDetail, string, ArticleDetail>(
            $"SELECT {DetailColumns}, event_anchors FROM articles WHERE id = ANY(@ids)",
            WithEventAnchors,
            new { ids = ids.ToArray() },
            splitOn: "event_anchors").ToDictionary(a => a.Id);
        var tags = TagsOf(connection, found.Values.Select(a => a.Seq));
        foreach (var article in found.Values)
        {
            tags.FillIn(article);
        }

        return ids.Where(found.ContainsKey).Select(id => found[id]).ToList();
    }

    public IReadOnlyList<SitemapEntry> SitemapEntries(int offset, int limit)
    {
        using var connection = database.Open();
        return connection.Query<(string Id, string Slug, string UpdatedAt)>(
            "SELECT id, slug, updated_at FROM articles ORDER BY seq LIMIT @limit OFFSET @offset",
            new { offset = (long)offset, limit = (long)limit }).Select(e => new SitemapEntry(e.Id, e.Slug, e.UpdatedAt)).AsList();
    }

    /// <summary>Dapper's second half of an article row: event_anchors, stored as a JSON array.</summary>
    private static ArticleDetail WithEventAnchors(ArticleDetail article, string anchors)
    {
        article.EventAnchors = JsonSerializer.Deserialize<int[]>(anchors) ?? [];
        return article;
    }

    /// <summary>Tags of many articles in one query, in the order the file listed them.</summary>
    private static ArticleTags TagsOf(NpgsqlConnection connection, IEnumerable<long> seqs)
    {
        var rows = connection.Query<(long Seq, string Kind, string Value)>(
            """
            SELECT at.article_seq, t.kind, t.value
            FROM article_tags at JOIN tags t ON t.id = at.tag_id
            WHERE at.article_seq = ANY(@seqs)
            ORDER BY at.article_seq, at.position
            """,
            new { seqs = seqs.ToArray() });
        return new ArticleTags(rows);
    }
}
