using NewsDigest.Core.Search;
using NewsDigest.Core.Storage;

namespace NewsDigest.Core.Listing;

/// <summary>
/// Lists of articles: filtered, searched, ranked, collapsed by story, with facet counts over the
/// whole result; tags with their counts; what an article page links to. Filtering, counting and
/// facets run over the in-memory <see cref="ListIndex"/>; storage is asked only for the search
/// matches, the scores of the ranked candidates and the page's rows.
/// </summary>
public sealed class ArticleListing(
    IArticleReader articles,
    IStoryClusters storyClusters,
    ListIndexCache listIndex,
    SearchResultsCache searches,
    SearchRanking ranking)
{
    /// <summary>A page of the filtered (and possibly searched) list with facet counts over the whole result.</summary>
    public ArticlePage List(ArticleFilter filter)
    {
        var pageSize = Math.Clamp(filter.PageSize, 1, ArticleFilter.MaxPageSize);
        var page = Math.Max(1, filter.Page);
        var query = SearchQuery.Parse(filter.Query);
        if (!string.IsNullOrWhiteSpace(filter.Query) && query.IsEmpty)
        {
            // Typed, but nothing searchable (only operators or punctuation): no match, not "everything".
            return new ArticlePage(0, page, pageSize, [], EmptyFacets());
        }

        var index = listIndex.Current;
        var search = query.IsEmpty ? null : searches.For(query);
        var matching = index.Select(filter, search?.Matches);
        var stories = filter.CollapseStories ? new StoryCollapse(storyClusters.Stories()) : null;
        var result = stories is null ? matching : stories.OnePerStory(index, matching);
        var offset = (int)Math.Min((long)(page - 1) * pageSize, result.Count);
        var seqs = search is not null && filter.Sort == ArticleSort.Relevance
            ? ranking.Page(query, search, index, result, offset, pageSize)
            : [.. result.Skip(offset).Take(pageSize).Select(index.SeqAt)];
        var items = articles.ListItems(seqs);
        if (!query.IsEmpty)
        {
            SearchSnippets.Mark(items, articles.Texts(seqs), query);
        }

        stories?.SetMoreCoverage(items);
        return new ArticlePage(result.Count, page, pageSize, items, filter.IncludeFacets ? index.Facets(matching, stories?.Stories) : EmptyFacets());
    }

    /// <summary>Every tag of one kind with its article count, most used first, then by value.</summary>
    public IReadOnlyList<FacetValue> Tags(TagKind kind) => listIndex.Current.AllTags(kind);

    /// <summary>Tags that most often appear together with the given one, counted in memory: the
    /// same count in SQL joins every link of the tag's articles and costs a tag page about 200 ms
    /// at 100,000 articles.</summary>
    public IReadOnlyList<(TagKind Kind, FacetValue Tag)> CoOccurring(TagKind kind, string value, int limit)
    {
        var index = listIndex.Current;
        return index.FindTag(kind, value) is { } tag ? index.CoOccurring(tag, limit) : [];
    }

    /// <summary>
    /// What an article page links to besides the article: up to <paramref name="relatedLimit"/>
    /// articles sharing the most tags with it (then the newest), and its newer and older neighbours
    /// in the list, all from the list index (related articles counted in SQL join every link of a
    /// popular tag: 大模型 is on thousands of articles). Their rows are read together.
    /// </summary>
    public ArticlesAround Around(long seq, int relatedLimit)
    {
        var index = listIndex.Current;
        var related = index.Related(seq, relatedLimit);
        var (newer, older) = index.Neighbours(seq);
        var items = articles.ListItems([.. related.Concat(new[] { newer, older }.OfType<long>()).Distinct()]).ToDictionary(i => i.Seq);
        return new ArticlesAround(
            [.. related.Where(items.ContainsKey).Select(r => items[r])],
            newer is { } n ? items.GetValueOrDefault(n) : null,
            older is { } o ? items.GetValueOrDefault(o) : null);
    }

    private static IReadOnlyDictionary<TagKind, IReadOnlyList<FacetValue>> EmptyFacets() =>
        TagKinds.All.ToDictionary(k => k, _ => (IReadOnlyList<FacetValue>)[]);
}
