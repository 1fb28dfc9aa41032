using NewsDigest.Core.Listing;
using NewsDigest.Core.Storage;

namespace NewsDigest.Core.Search;

/// <summary>
/// Orders a search's matches by relevance, a page at a time, with the scores the engine's
/// full-text index gives (<see cref="IFullTextSearch.Scores"/>) and the titles and tags the list
/// index holds.
/// </summary>
public sealed class SearchRanking(IFullTextSearch search)
{
    /// <summary>Ranking only the newest matches bounds the cost of scoring very common terms;
    /// the rest of a large result follows newest first.</summary>
    public const int RankedCandidates = 500;

    /// <summary>
    /// Seqs of one page of a search in relevance order. <paramref name="positions"/> are the
    /// matches the view shows, newest first; only the first <see cref="RankedCandidates"/> of them
    /// are scored: those with a term in the title or tags first, then by the engine's score (title
    /// and tags weigh most), ties newest first. Matches past the bound follow newest first, so no
    /// query pays for scoring every match of a common term, and a page past the bound costs no
    /// scoring at all. Candidates already scored in <paramref name="results"/> are not scored
    /// again; the others are added to it.
    /// </summary>
    /// <remarks>
    /// The title-or-tags tier exists because bm25 normalises by the whole document's length and
    /// saturates, so weights alone let a short article's body match beat a long article's tag.
    /// A query term of several tokens (大模型 = 大模 模型) is in a title only if its tokens stand
    /// together there, which the scoring pass does not check: the terms are looked for in the
    /// titles and tags of the candidates whose title or tags hold its tokens somewhere.
    /// <para>
    /// When the search matched more than half of all articles, every one of its tokens is in more
    /// than half of them, and bm25 gives such a token no weight: its IDF,
    /// log((N - n + 0.5) / (n + 0.5)), is below zero, which FTS5 raises to 1e-6. What is left of the
    /// score is how often each article repeats a word most articles use, and computing it costs
    /// the index a pass over each token's whole posting list (12-14 ms for 人工智能 at 10,000
    /// articles). Such a search is ordered by the title-or-tags tier alone, checked here in C#
    /// (within it, more of the query's terms there first), and then newest first, which is what a
    /// reader of the news wants from "everything about AI".
    /// A search of single Chinese characters only (医) is ordered the same way: it has no token to
    /// weigh (<see cref="SearchQuery.ScoreTokens"/>).
    /// </para>
    /// </remarks>
    internal IReadOnlyList<long> Page(
        SearchQuery query, SearchResults results, ListIndex index, IReadOnlyList<int> positions, int offset, int limit)
    {
        var newestFirst = positions.Select(index.SeqAt);
        var matchesMostArticles = results.Matches.Count * 2L > index.Count;
        var scores = results.Scores;
        IReadOnlyDictionary<long, int> termsInTitleOrTags(IReadOnlyList<long> seqs) => TermsInTitleOrTags(index, seqs, query.Terms);
        var candidates = newestFirst.Take(RankedCandidates).ToList();
        if (offset >= candidates.Count)
        {
            return [.. newestFirst.Skip(offset).Take(limit)];
        }

        var unscored = candidates.Where(seq => !scores.ContainsKey(seq)).ToList();
        if (unscored.Count == 0)
        {
            // All scored by an earlier page or view of this search.
        }
        else if (matchesMostArticles || query.ScoreTokens.Count == 0)
        {
            // Within the tier, more of the query's terms in the title or tags first.
            var found = termsInTitleOrTags(unscored);
            foreach (var seq in unscored)
            {
                var terms = found.GetValueOrDefault(seq);
                scores[seq] = new SearchScore(-terms, terms > 0);
            }
        }
        else
        {
            var scored = search.Scores(query, unscored);
            var tokensInTitleOrTags = scored.Where(s => s.Value.TokensInTitleOrTags).Select(s => s.Key).ToList();
            var first = query.HasMultiTokenTerms && tokensInTitleOrTags.Count > 0
                ? termsInTitleOrTags(tokensInTitleOrTags).Keys.ToHashSet()
                : tokensInTitleOrTags.ToHashSet();
            foreach (var seq in unscored)
            {
                // A candidate the index no longer matches (changed since the match list was read) ranks last.
                scores[seq] = new SearchScore(scored.GetValueOrDefault(seq).Score, first.Contains(seq));
            }
        }

        // OrderBy is stable: equal keys keep the newest-first order.
        return [.. candidates
            .OrderBy(seq => scores[seq].InTitleOrTags ? 0 : 1)
            .ThenBy(seq => scores[seq].Score)
            .Concat(newestFirst.Skip(candidates.Count))
            .Skip(offset)
            .Take(limit)];
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
}
