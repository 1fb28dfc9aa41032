using NewsDigest.Core.Search;

namespace NewsDigest.Core.Storage;

/// <summary>The full-text index: which articles a search matches, and how well.</summary>
public interface IFullTextSearch
{
    /// <summary>Seqs of every article matching the query, ascending. A query the index cannot run
    /// matches nothing (and is logged), never an error for the reader.</summary>
    IReadOnlyList<long> Matches(SearchQuery query);

    /// <summary>The relevance of these articles, already known to match, for the query's
    /// <see cref="SearchQuery.ScoreTokens"/> (not empty). An article the index no longer matches
    /// (changed since its match was read) is left out.</summary>
    IReadOnlyDictionary<long, RelevanceScore> Scores(SearchQuery query, IReadOnlyList<long> seqs);
}
