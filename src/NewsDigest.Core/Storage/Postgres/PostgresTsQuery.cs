using System.Text;
using NewsDigest.Core.Search;

namespace NewsDigest.Core.Storage.Postgres;

/// <summary>
/// A <see cref="SearchQuery"/> as tsquery text, bound as a parameter and cast with <c>::tsquery</c>
/// (no text search configuration touches it: the lexemes are the analyzer's tokens, as the index
/// holds them). Every lexeme is quoted (<see cref="PostgresTsVector.AppendQuoted"/>), so what users
/// type can never be an operator; the tokens of a phrase are joined by <c>&lt;-&gt;</c>, a prefix
/// ends in <c>:*</c>, and terms are ANDed.
/// </summary>
public static class PostgresTsQuery
{
    /// <summary>The lookup over article_search.words; null when every term is in <see cref="Grams"/>.</summary>
    public static string? Words(SearchQuery query) => Join(query.WordPhrases, " & ");

    /// <summary>The lookup over article_search.grams, every gram ANDed; null when there is none.</summary>
    public static string? Grams(SearchQuery query) =>
        Join([.. query.Grams.Select(gram => new SearchPhrase([gram], IsPrefix: false))], " & ");

    /// <summary>Every token that weighs a match, ANDed: which scored articles still match.</summary>
    public static string? AllScoreTokens(SearchQuery query) => Join(query.ScoreTokens, " & ");

    /// <summary>Every token that weighs a match, ORed: what ts_rank weighs, token by token.</summary>
    public static string? AnyScoreToken(SearchQuery query) => Join(query.ScoreTokens, " | ");

    private static string? Join(IReadOnlyList<SearchPhrase> phrases, string separator)
    {
        var usable = phrases.Where(p => p.Tokens.Count > 0 && p.Tokens.All(t => t.Length > 0)).ToList();
        return usable.Count == 0 ? null : string.Join(separator, usable.Select(Phrase));
    }

    /// <summary>A phrase in parentheses: its tokens quoted and joined by &lt;-&gt;, :* after the last for a prefix.</summary>
    private static string Phrase(SearchPhrase phrase)
    {
        var text = new StringBuilder("(");
        for (var i = 0; i < phrase.Tokens.Count; i++)
        {
            if (i > 0)
            {
                text.Append(" <->");
            }

            PostgresTsVector.AppendQuoted(text, phrase.Tokens[i]);
        }

        if (phrase.IsPrefix)
        {
            text.Append(":*");
        }

        return text.Append(')').ToString();
    }
}
