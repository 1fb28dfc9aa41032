using System.Collections.Concurrent;

namespace NewsDigest.Core.Search;

/// <summary>
/// What one search matched in one version of the data, and the scores of the matches ranked so
/// far. Kept by <see cref="SearchResultsCache"/>: a reader who searches and then clicks a facet,
/// opens page 2, or follows the feed or API of the same search asks the index the same question
/// again, and for a term in most articles each answer costs a pass over a long posting list.
/// Scores belong to a document and the query, not to the filter, so every filtered view of a
/// search shares them.
/// </summary>
internal sealed class SearchResults(IReadOnlyList<long> matches)
{
    /// <summary>Seqs of the matching articles, ascending.</summary>
    public IReadOnlyList<long> Matches { get; } = matches;

    public ConcurrentDictionary<long, SearchScore> Scores { get; } = new();
}
