using System.Collections.Concurrent;
using NewsDigest.Core.Search;

namespace NewsDigest.Core.Storage;

/// <summary>
/// What one search expression matched in one version of the data (see <see cref="ListIndexStamp"/>),
/// and the scores of the matches ranked so far. Cached by <see cref="ArticleStore"/>: a reader who
/// searches and then clicks a facet, opens page 2, or follows the feed or API of the same search
/// asks FTS5 the same question again, and for a term in most articles each answer costs a pass
/// over a long doclist. Scores belong to a document and the query, not to the filter, so every
/// filtered view of a search shares them.
/// </summary>
internal sealed class SearchResults(IReadOnlyList<long> matches)
{
    public IReadOnlyList<long> Matches { get; } = matches;

    public ConcurrentDictionary<long, SearchScore> Scores { get; } = new();
}
