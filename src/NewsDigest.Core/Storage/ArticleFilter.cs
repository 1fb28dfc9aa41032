namespace NewsDigest.Core.Storage;

/// <summary>What a list view shows: tag filters (OR within a kind, AND across kinds), an optional
/// search, and the page. Built from the query string by the web layer.</summary>
public sealed record ArticleFilter
{
    /// <summary>Articles per page of a list unless a request asks for another size.</summary>
    public const int DefaultPageSize = 20;

    public const int MaxPageSize = 100;

    public IReadOnlyList<string> Industries { get; init; } = [];

    public IReadOnlyList<string> Technologies { get; init; } = [];

    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>Raw search text as typed; translated safely by the search layer.</summary>
    public string? Query { get; init; }

    public ArticleSort Sort { get; init; } = ArticleSort.Relevance;

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>One entry per story: articles of one story cluster are listed once, as their newest
    /// member in the result. Total, pages and facet counts then count stories, not articles.</summary>
    public bool CollapseStories { get; init; }

    /// <summary>Feeds and exports need no facet counts; skipping them saves a grouped query.</summary>
    public bool IncludeFacets { get; init; } = true;

    public IReadOnlyList<string> Values(TagKind kind) => kind switch
    {
        TagKind.Industry => Industries,
        TagKind.Technology => Technologies,
        _ => Keywords,
    };

    public bool HasTagFilters => Industries.Count + Technologies.Count + Keywords.Count > 0;
}

/// <summary>Relevance applies only to searches; without a query everything is newest first.</summary>
public enum ArticleSort
{
    Relevance,
    Newest,
}
