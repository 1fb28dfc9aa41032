namespace NewsDigest.Core.Storage;

/// <summary>One page of a filtered (and possibly searched) list, with facet counts for the whole
/// result, not just the page.</summary>
public sealed record ArticlePage(
    int Total,
    int Page,
    int PageSize,
    IReadOnlyList<ArticleListItem> Items,
    IReadOnlyDictionary<TagKind, IReadOnlyList<FacetValue>> Facets)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}
