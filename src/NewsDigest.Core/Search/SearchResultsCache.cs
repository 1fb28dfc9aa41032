using Microsoft.Extensions.Caching.Memory;
using NewsDigest.Core.Storage;

namespace NewsDigest.Core.Search;

/// <summary>
/// The matches of recent searches, per version of the data (<see cref="DataChanges"/>): the
/// version is part of the key, so a change makes every older entry unreachable, and they age out.
/// </summary>
public sealed class SearchResultsCache(IFullTextSearch search, DataChanges changes) : IDisposable
{
    /// <summary>Bounds the cache by the seqs it holds (8 bytes each, plus the scores): about 30 MB.</summary>
    private const long MaxSeqs = 2_000_000;

    private readonly MemoryCache _searches = new(new MemoryCacheOptions { SizeLimit = MaxSeqs });

    /// <summary>The matches of a search in the current version of the data, from the cache when the
    /// same search ran since the data last changed.</summary>
    internal SearchResults For(SearchQuery query)
    {
        // Read before the search: a change announced while it runs then keys a newer entry.
        var key = (changes.Version, query.Normalized);
        if (_searches.TryGetValue(key, out SearchResults? cached) && cached is not null)
        {
            return cached;
        }

        var results = new SearchResults(search.Matches(query));
        _searches.Set(key, results, new MemoryCacheEntryOptions { Size = results.Matches.Count + SearchRanking.RankedCandidates });
        return results;
    }

    /// <summary>Forgets every cached search, so the next one is answered by the index as after a
    /// change of data (the benchmarks measure both).</summary>
    internal void Clear() => _searches.Clear();

    public void Dispose() => _searches.Dispose();
}
