using NewsDigest.Core.Search;

namespace NewsDigest.Core.Storage.Sqlite;

/// <summary>
/// A <see cref="SearchQuery"/> as FTS5 MATCH text, bound as a parameter. Every phrase is quoted
/// (inner quotes doubled, though analyzer tokens never hold one), so the text can never be a
/// syntax error or carry an operator the user typed; terms are ANDed by juxtaposition.
/// </summary>
public static class Fts5Query
{
    /// <summary>Every term over article_search; null for an empty query. (The lookup itself uses
    /// <see cref="Words"/> and <see cref="Grams"/>; this one names the whole query in one expression.)</summary>
    public static string? Match(SearchQuery query) => Join(query.Phrases);

    /// <summary>The part of the lookup over article_search; null when every term is in <see cref="Grams"/>.</summary>
    public static string? Words(SearchQuery query) => Join(query.WordPhrases);

    /// <summary>The part of the lookup over article_grams, each gram a phrase; null when there is none.</summary>
    public static string? Grams(SearchQuery query) =>
        query.Grams.Count == 0 ? null : string.Join(' ', query.Grams.Select(gram => Phrase(new SearchPhrase([gram], IsPrefix: false))));

    /// <summary>The tokens that weigh a match, each on its own, over article_search; null when none.</summary>
    public static string? Score(SearchQuery query) => Join(query.ScoreTokens);

    private static string? Join(IReadOnlyList<SearchPhrase> phrases) =>
        phrases.Count == 0 ? null : string.Join(' ', phrases.Select(Phrase));

    /// <summary>An FTS5 phrase: the tokens quoted together, then * for a prefix.</summary>
    private static string Phrase(SearchPhrase phrase)
    {
        var quoted = "\"" + string.Join(' ', phrase.Tokens).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        return phrase.IsPrefix ? quoted + " *" : quoted;
    }
}
