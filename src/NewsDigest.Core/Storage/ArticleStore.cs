using System.Globalization;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using NewsDigest.Core.Insights;
using NewsDigest.Core.Search;

namespace NewsDigest.Core.Storage;

/// <summary>All SQL over articles and their tags. Reads open their own connection; writes join
/// the caller's transaction so ingestion can keep one file = one transaction.</summary>
public sealed class ArticleStore(Database database, SearchIndex searchIndex, ILogger<ArticleStore> logger) : IDisposable
{
    /// <summary>SQLITE_ERROR: what FTS5 reports for a MATCH expression it cannot parse.</summary>
    private const int SqliteGeneralError = 1;

    /// <summary>Bounds the search cache by the seqs it holds (8 bytes each, plus the scores): about 30 MB.</summary>
    private const long SearchCacheSeqs = 2_000_000;

    private readonly Lock _listIndexLoad = new();
    private volatile ListIndex? _listIndex;
    private readonly MemoryCache _searches = new(new MemoryCacheOptions { SizeLimit = SearchCacheSeqs });

    // A report is a few KB whatever the view: 1,000 of them are a few MB.
    private readonly MemoryCache _insights = new(new MemoryCacheOptions { SizeLimit = 1_000 });

    private const string ListColumns = """
        a.seq AS Seq, a.id AS Id, a.title AS Title, a.slug AS Slug, a.link AS Link,
        a.link_host AS LinkHost, a.excerpt AS Excerpt, substr(a.sort_key, 1, 10) AS Date,
        a.lang AS Language
        """;

    // ---- Writes (inside the ingestion transaction; saving is ArticleWriter's) ----

    /// <summary>Removes an article, its tag links and its search entry. False if it was not there.</summary>
    public bool Delete(SqliteConnection connection, SqliteTransaction transaction, string id)
    {
        var seq = connection.ExecuteScalar<long?>("SELECT seq FROM articles WHERE id = @id", new { id }, transaction);
        if (seq is null)
        {
            return false;
        }

        searchIndex.Remove(connection, transaction, seq.Value);
        connection.Execute("DELETE FROM articles WHERE seq = @seq", new { seq }, transaction);
        return true;
    }

    /// <summary>Drops tags no article carries any more, so tag pages never list empty tags.</summary>
    public static int DeleteOrphanTags(SqliteConnection connection, SqliteTransaction transaction) =>
        connection.Execute(
            "DELETE FROM tags WHERE NOT EXISTS (SELECT 1 FROM article_tags at WHERE at.tag_id = tags.id)",
            transaction: transaction);

    // ---- Reads ----

    public int Count()
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<int>("SELECT COUNT(*) FROM articles");
    }

    public ArticleDetail? Get(string id)
    {
        using var connection = database.Open();
        var article = connection.Query<ArticleDetail, string, ArticleDetail>(
            """
            SELECT seq AS Seq, id AS Id, title AS Title, slug AS Slug, link AS Link, link_host AS LinkHost,
                   text AS Text, excerpt AS Excerpt, events_markdown AS EventsMarkdown,
                   events_html AS EventsHtml, event_count AS EventCount, events_text AS EventsText,
                   published AS Published, substr(sort_key, 1, 10) AS Date, sort_key AS SortKey,
                   lang AS Language, source_file AS SourceFile, ingested_at AS IngestedAt,
                   updated_at AS UpdatedAt, event_anchors
            FROM articles WHERE id = @id
            """,
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

    /// <summary>The slug of an article's permalink; null if there is no such article.</summary>
    public string? SlugOf(string id)
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<string?>("SELECT slug FROM articles WHERE id = @id", new { id });
    }

    /// <summary>
    /// A page of the filtered (and possibly searched) list with facet counts over the whole result.
    /// Filtering, counting and facets run over the in-memory <see cref="ListIndex"/>; SQL reads only
    /// the search matches, the scores of the ranked candidates and the page's rows.
    /// </summary>
    public ArticlePage List(ArticleFilter filter)
    {
        var pageSize = Math.Clamp(filter.PageSize, 1, ArticleFilter.MaxPageSize);
        var page = Math.Max(1, filter.Page);
        var query = SearchQuery.Parse(filter.Query);
        var empty = new ArticlePage(0, page, pageSize, [], EmptyFacets());
        if (!string.IsNullOrWhiteSpace(filter.Query) && query.MatchExpression is null)
        {
            // Typed, but nothing searchable (only operators or punctuation): no match, not "everything".
            return empty;
        }

        using var connection = database.Open();
        try
        {
            var index = CurrentListIndex(connection);
            var search = query.MatchExpression is null ? null : Search(connection, index.Stamp, query);
            var matching = index.Select(filter, search?.Matches);
            var stories = filter.CollapseStories ? StoryClusterStore.Stories(connection) : null;
            var result = stories is null ? matching : index.OnePerStory(matching, stories);
            var offset = (int)Math.Min((long)(page - 1) * pageSize, result.Count);
            var seqs = search is not null && filter.Sort == ArticleSort.Relevance
                ? searchIndex.RankedPage(
                    connection, query, result.Select(index.SeqAt), offset, pageSize,
                    matchesMostArticles: search.Matches.Count * 2L > index.Count, search.Scores,
                    candidates => TermsInTitleOrTags(index, candidates, query.Terms))
                : [.. result.Skip(offset).Take(pageSize).Select(index.SeqAt)];
            var items = Items(connection, seqs);
            if (query.MatchExpression is not null)
            {
                MarkMatches(connection, items, query);
            }

            if (stories is not null)
            {
                var sizes = stories.Values.CountBy(story => story).ToDictionary();
                foreach (var item in items)
                {
                    item.MoreCoverage = stories.TryGetValue(item.Seq, out var story) ? sizes[story] - 1 : 0;
                }
            }

            return new ArticlePage(result.Count, page, pageSize, items, filter.IncludeFacets ? index.Facets(matching, stories) : EmptyFacets());
        }
        catch (SqliteException e) when (query.MatchExpression is not null && e.SqliteErrorCode == SqliteGeneralError)
        {
            // SearchQuery quotes every token, so this should not happen; if FTS5 still rejects a
            // query, the reader gets "no match", never a 500 or the syntax error.
            logger.LogWarning(e, "Search query {Match} failed", query.MatchExpression);
            return empty;
        }
    }

    /// <summary>
    /// The insights of a view (same filters and search as <see cref="List"/>), aggregated in one pass
    /// over the in-memory <see cref="ListIndex"/>; SQL reads only the search matches.
    /// </summary>
    public InsightsReport Insights(ArticleFilter filter)
    {
        var query = SearchQuery.Parse(filter.Query);
        if (!string.IsNullOrWhiteSpace(filter.Query) && query.MatchExpression is null)
        {
            return InsightsReport.Empty;
        }

        using var connection = database.Open();
        try
        {
            var index = CurrentListIndex(connection);
            // The same view in the same version of the data has the same report: aggregating
            // every article (about 40 ms at 100,000) runs once per view until the data changes,
            // which changes the stamp and so makes every older entry unreachable.
            var tags = string.Join('\n', TagKinds.All.Select(k => string.Join('\t', filter.Values(k).Select(TagKinds.Normalize).Order(StringComparer.Ordinal))));
            var key = (index.Stamp, query.MatchExpression, tags);
            if (_insights.TryGetValue(key, out InsightsReport? cached) && cached is not null)
            {
                return cached;
            }

            var matches = query.MatchExpression is null ? null : Search(connection, index.Stamp, query).Matches;
            var report = InsightsAggregator.Compute(index, index.Select(filter, matches), filter);
            _insights.Set(key, report, new MemoryCacheEntryOptions { Size = 1 });
            return report;
        }
        catch (SqliteException e) when (query.MatchExpression is not null && e.SqliteErrorCode == SqliteGeneralError)
        {
            logger.LogWarning(e, "Search query {Match} failed", query.MatchExpression);
            return InsightsReport.Empty;
        }
    }

    /// <summary>The matches of a search in this version of the data, from the cache when the same
    /// search ran since the data last changed (the stamp is part of the key, so a change makes
    /// every older entry unreachable; they age out of the cache).</summary>
    private SearchResults Search(SqliteConnection connection, ListIndexStamp stamp, SearchQuery query)
    {
        // The match expression spells out every term (and its prefix star), so it names the search.
        var key = (stamp, query.MatchExpression);
        if (_searches.TryGetValue(key, out SearchResults? cached) && cached is not null)
        {
            return cached;
        }

        var results = new SearchResults(searchIndex.Matches(connection, query));
        _searches.Set(key, results, new MemoryCacheEntryOptions { Size = results.Matches.Count + SearchIndex.RankedCandidates });
        return results;
    }

    /// <summary>Forgets every cached search, so the next one is answered by FTS5 as after a
    /// change of data (the benchmark measures both).</summary>
    internal void ClearSearchCache() => _searches.Clear();

    /// <summary>Forgets every kept insights report, so the next one is aggregated as after a
    /// change of data (the benchmarks measure both).</summary>
    internal void ClearInsightsCache() => _insights.Clear();

    public void Dispose()
    {
        _searches.Dispose();
        _insights.Dispose();
    }

    /// <summary>List rows for the given seqs, in that order, with their tags.</summary>
    private static List<ArticleListItem> Items(SqliteConnection connection, IReadOnlyList<long> seqs)
    {
        var rows = connection.Query<ArticleListItem>(
            $"""
            SELECT {ListColumns} FROM articles a
            WHERE a.seq IN (SELECT value FROM json_each(@seqs))
            """,
            new { seqs = JsonSerializer.Serialize(seqs) })
            .ToDictionary(i => i.Seq);
        var items = seqs.Where(rows.ContainsKey).Select(seq => rows[seq]).ToList();
        var tags = TagsOf(connection, seqs);
        foreach (var item in items)
        {
            tags.FillIn(item);
        }

        return items;
    }

    /// <summary>Brings the list index up to date now (after a scan), so that the first reader after
    /// a change does not wait for it: building it reads every article and tag link, about half a
    /// second at 10,000 articles.</summary>
    public void LoadListIndex()
    {
        using var connection = database.Open();
        CurrentListIndex(connection);
    }

    /// <summary>
    /// The list index, rebuilt when its stamp is out of date (one small query per request). An
    /// in-place update during a running scan shows in facets once that scan finishes.
    /// </summary>
    private ListIndex CurrentListIndex(SqliteConnection connection)
    {
        var stamp = ListIndexStamp.Read(connection);
        var current = _listIndex;
        if (current is not null && current.Stamp == stamp)
        {
            return current;
        }

        lock (_listIndexLoad)
        {
            if (_listIndex is not null && _listIndex.Stamp == stamp)
            {
                return _listIndex;
            }

            // One read transaction, so the three reads agree with each other.
            using var transaction = connection.BeginTransaction(deferred: true);
            var newestFirst = connection.Query<(long Seq, string Title, string? Published)>(
                "SELECT seq, title, published FROM articles ORDER BY sort_key DESC, seq DESC", transaction: transaction)
                .Select(a => (a.Seq, a.Title, a.Published is null ? (DateOnly?)null : DateOnly.ParseExact(a.Published, "yyyy-MM-dd", CultureInfo.InvariantCulture)))
                .ToList();
            var links = connection.Query<(long Seq, long TagId)>(
                "SELECT article_seq, tag_id FROM article_tags", transaction: transaction).AsList();
            var tags = connection.Query<(long Id, string Kind, string Value, string Norm)>(
                "SELECT id, kind, value, norm FROM tags", transaction: transaction)
                .Select(t => (t.Id, TagKinds.FromDatabaseName(t.Kind), t.Value, t.Norm));
            _listIndex = new ListIndex(stamp, newestFirst, links, tags);
            return _listIndex;
        }
    }

    /// <summary>The articles with a search term in their title or in a tag (they rank first), each
    /// with how many of the terms are there.</summary>
    private static Dictionary<long, int> TermsInTitleOrTags(ListIndex index, IReadOnlyList<long> seqs, IReadOnlyList<string> terms)
    {
        // One text per article; " | " keeps a term from matching across the title and a tag or two tags.
        var count = SearchHighlighter.Counter(terms);
        return seqs
            .Select(seq => (Seq: seq, Terms: count(string.Join(" | ", index.TagValuesOf(seq).Prepend(index.TitleOf(seq))))))
            .Where(found => found.Terms > 0)
            .ToDictionary(found => found.Seq, found => found.Terms);
    }

    /// <summary>Search results show the title and a snippet around the best match, marked.</summary>
    private static void MarkMatches(SqliteConnection connection, IReadOnlyList<ArticleListItem> items, SearchQuery query)
    {
        var texts = connection.Query<(long Seq, string Text, string Events)>(
            "SELECT seq, text, events_markdown FROM articles WHERE seq IN (SELECT value FROM json_each(@seqs))",
            new { seqs = JsonSerializer.Serialize(items.Select(i => i.Seq)) })
            .ToDictionary(r => r.Seq);
        foreach (var item in items)
        {
            item.MarkedTitle = SearchHighlighter.Highlight(item.Title, query.Terms);
            if (texts.TryGetValue(item.Seq, out var row))
            {
                // Prefer the article text; a match only in the events summary still gets a snippet.
                var snippet = SearchHighlighter.Snippet(row.Text, query.Terms);
                if (!snippet.HasMarks)
                {
                    var fromEvents = SearchHighlighter.Snippet(row.Events, query.Terms);
                    snippet = fromEvents.HasMarks ? fromEvents : snippet;
                }

                item.MarkedSnippet = snippet;
            }
        }
    }

    private static IReadOnlyDictionary<TagKind, IReadOnlyList<FacetValue>> EmptyFacets() =>
        TagKinds.All.ToDictionary(k => k, _ => (IReadOnlyList<FacetValue>)[]);

    /// <summary>Every tag of one kind with its article count, most used first, then by value;
    /// counted over the in-memory <see cref="ListIndex"/>.</summary>
    public IReadOnlyList<FacetValue> Tags(TagKind kind)
    {
        using var connection = database.Open();
        return CurrentListIndex(connection).AllTags(kind);
    }

    /// <summary>The stored spelling of a tag, matched case-insensitively; null if no article has it.</summary>
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

    /// <summary>Tags that most often appear together with the given one, counted over the in-memory
    /// <see cref="ListIndex"/>: the same count in SQL joins every link of the tag's articles and
    /// cost a tag page about 200 ms at 100,000 articles.</summary>
    public IReadOnlyList<(TagKind Kind, FacetValue Tag)> CoOccurring(TagKind kind, string value, int limit)
    {
        using var connection = database.Open();
        var index = CurrentListIndex(connection);
        return index.FindTag(kind, value) is { } tag ? index.CoOccurring(tag, limit) : [];
    }

    /// <summary>
    /// What an article page links to besides the article: up to <paramref name="relatedLimit"/>
    /// articles sharing the most tags with it (then the newest), and its newer and older neighbours
    /// in the list. Both come from the in-memory list index: related articles counted in SQL join
    /// every link of a popular tag (大模型 is on thousands of articles) and cost an article page
    /// 30-160 ms at 10,000 articles. Their rows are read together, on one connection.
    /// </summary>
    public ArticlesAround Around(long seq, int relatedLimit)
    {
        using var connection = database.Open();
        var index = CurrentListIndex(connection);
        var related = index.Related(seq, relatedLimit);
        var (newer, older) = index.Neighbours(seq);
        var items = Items(connection, [.. related.Concat(new[] { newer, older }.OfType<long>()).Distinct()]).ToDictionary(i => i.Seq);
        return new ArticlesAround(
            [.. related.Where(items.ContainsKey).Select(r => items[r])],
            newer is { } n ? items.GetValueOrDefault(n) : null,
            older is { } o ? items.GetValueOrDefault(o) : null);
    }

    /// <summary>Whole articles (without their long text) for feeds, in the order of the ids given.</summary>
    public IReadOnlyList<ArticleDetail> GetMany(IReadOnlyList<string> ids)
    {
        using var connection = database.Open();
        var found = connection.Query<ArticleDetail, string, ArticleDetail>(
            """
            SELECT seq AS Seq, id AS Id, title AS Title, slug AS Slug, link AS Link, link_host AS LinkHost,
                   excerpt AS Excerpt, events_markdown AS EventsMarkdown, events_html AS EventsHtml,
                   event_count AS EventCount, events_text AS EventsText, published AS Published,
                   substr(sort_key, 1, 10) AS Date, sort_key AS SortKey, lang AS Language,
                   source_file AS SourceFile, ingested_at AS IngestedAt, updated_at AS UpdatedAt, event_anchors
            FROM articles WHERE id IN (SELECT value FROM json_each(@ids))
            """,
            WithEventAnchors,
            new { ids = JsonSerializer.Serialize(ids) },
            splitOn: "event_anchors").ToDictionary(a => a.Id);
        var tags = TagsOf(connection, found.Values.Select(a => a.Seq));
        foreach (var article in found.Values)
        {
            tags.FillIn(article);
        }

        return ids.Where(found.ContainsKey).Select(id => found[id]).ToList();
    }

    /// <summary>Permalink parts and last change of articles, oldest first, for the sitemap.</summary>
    public IReadOnlyList<(string Id, string Slug, string UpdatedAt)> SitemapEntries(int offset, int limit)
    {
        using var connection = database.Open();
        return connection.Query<(string, string, string)>(
            "SELECT id, slug, updated_at FROM articles ORDER BY seq LIMIT @limit OFFSET @offset",
            new { offset, limit }).AsList();
    }

    /// <summary>Dapper's second half of an article row: event_anchors, stored as a JSON array.</summary>
    private static ArticleDetail WithEventAnchors(ArticleDetail article, string anchors)
    {
        article.EventAnchors = JsonSerializer.Deserialize<int[]>(anchors) ?? [];
        return article;
    }

    /// <summary>Tags of many articles in one query, in the order the file listed them.</summary>
    private static ArticleTags TagsOf(SqliteConnection connection, IEnumerable<long> seqs)
    {
        var rows = connection.Query<(long Seq, string Kind, string Value)>(
            """
            SELECT at.article_seq, t.kind, t.value
            FROM article_tags at JOIN tags t ON t.id = at.tag_id
            WHERE at.article_seq IN (SELECT value FROM json_each(@seqs))
            ORDER BY at.article_seq, at.position
            """,
            new { seqs = JsonSerializer.Serialize(seqs) });
        return new ArticleTags(rows);
    }
}
