using System.Text;

namespace NewsDigest.Core.Search;

/// <summary>
/// A user's search input as data: the terms to find, each a phrase of analyzer tokens, split by
/// where they are looked up (<see cref="WordPhrases"/> in the word index, <see cref="Grams"/> in the
/// CJK gram index), the tokens that weigh a match, and the surface terms the highlighter marks.
/// Nothing here is query syntax: a storage engine turns the model into its own (FTS5 MATCH text in
/// the SQLite engine), so what users type is never passed through raw, and FTS operators they type
/// (AND, NEAR, ^, :, parentheses, a leading -) are plain words or vanish.
/// </summary>
/// <remarks>
/// Input is split on whitespace; text in double quotes (also “ ” and full-width ＂) is one term, and an
/// unclosed quote runs to the end. A trailing * asks for a prefix match. Terms are ANDed.
/// In <see cref="Phrases"/> a term of one CJK character is always a prefix: the word index holds it
/// only as the start of a bigram or as a run's last character. The lookup itself finds it in the
/// gram index (<see cref="Grams"/>).
/// </remarks>
public sealed class SearchQuery
{
    /// <summary>Longer input is cut: nobody types more, and it bounds the query's cost.</summary>
    public const int MaxInputLength = 200;

    /// <summary>Terms beyond this are ignored, to bound the query's cost.</summary>
    public const int MaxTerms = 8;

    private static readonly SearchQuery Empty = new([], [], [], [], false, [], "");

    private SearchQuery(
        IReadOnlyList<SearchPhrase> phrases, IReadOnlyList<SearchPhrase> wordPhrases, IReadOnlyList<string> grams,
        IReadOnlyList<SearchPhrase> scoreTokens, bool hasMultiTokenTerms, IReadOnlyList<string> terms, string normalized)
    {
        Phrases = phrases;
        WordPhrases = wordPhrases;
        Grams = grams;
        ScoreTokens = scoreTokens;
        HasMultiTokenTerms = hasMultiTokenTerms;
        Terms = terms;
        Normalized = normalized;
    }

    /// <summary>True when there is nothing to search for.</summary>
    public bool IsEmpty => Phrases.Count == 0;

    /// <summary>Every term as a phrase of its tokens, in the order typed: what an article must hold.</summary>
    public IReadOnlyList<SearchPhrase> Phrases { get; }

    /// <summary>
    /// How the query is looked up, in two parts whose matches are intersected: these phrases in the
    /// word index are the terms that are not <see cref="Grams"/>'; empty if there are none.
    /// </summary>
    public IReadOnlyList<SearchPhrase> WordPhrases { get; }

    /// <summary>
    /// The other part of the lookup, in the gram index: every term that is one CJK character (医)
    /// or one CJK run of three or more characters, the latter as its trigrams, all ANDed (大模型 → 大模型,
    /// 人工智能 → 人工智 工智能). Empty if there is no such term. A trigram stands for its characters
    /// in a row, so a three-character term matches exactly the articles its phrase does; a longer
    /// one matches the articles holding each of its overlapping trigrams, which in running text is
    /// the same set (a difference needs both halves elsewhere without the whole: 诸神之 and 神之战
    /// but never 诸神之战). Two-character terms stay in the word index: a bigram is a token there.
    /// </summary>
    public IReadOnlyList<string> Grams { get; }

    /// <summary>
    /// The tokens of <see cref="Phrases"/>, each on its own (a one-token phrase) and all ANDed, for
    /// scoring articles already known to match: an index finds them without comparing positions (a
    /// phrase over terms in most articles costs several times more), and the ranking function then
    /// weighs each token. A lone CJK character is left out (see <see cref="Parse"/>); empty when
    /// nothing is left to weigh.
    /// </summary>
    public IReadOnlyList<SearchPhrase> ScoreTokens { get; }

    /// <summary>True when some term is a phrase of several tokens (大模型, GPT-4): then its tokens
    /// in a text do not yet mean the term is there.</summary>
    public bool HasMultiTokenTerms { get; }

    /// <summary>
    /// The terms as typed, normalised (NFKC, lower case) and trimmed of stray punctuation, for
    /// <see cref="SearchHighlighter"/>. A prefix term keeps its trailing *.
    /// </summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>A canonical form of the input (for cache keys and the search box): parsing it gives the same query.</summary>
    public string Normalized { get; }

    public static SearchQuery Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return Empty;
        }

        var phrases = new List<SearchPhrase>();
        var wordPhrases = new List<SearchPhrase>();
        var grams = new List<string>();
        var scoreTokens = new List<SearchPhrase>();
        var hasMultiTokenTerms = false;
        var terms = new List<string>();
        var normalized = new List<string>();
        foreach (var rawTerm in SplitTerms(SearchTextAnalyzer.Normalize(Truncate(input))))
        {
            var term = rawTerm.TrimEnd('*').Trim();
            var tokens = SearchTextAnalyzer.TokenizeQueryTerm(term);
            if (tokens.Count == 0)
            {
                continue;
            }

            // A star after one letter or digit (c*) would have the index merge the postings of every
            // word starting with it, for a search that finds nearly everything: it is dropped.
            var isPrefix = rawTerm.EndsWith('*') && !(tokens.Count == 1 && tokens[0].Length == 1 && char.IsAsciiLetterOrDigit(tokens[0][0]));
            var endsInPrefix = isPrefix || IsSingleCjkCharacter(tokens[^1]);
            var phrase = new SearchPhrase([.. tokens], endsInPrefix);
            if (phrases.Contains(phrase))
            {
                continue;
            }

            phrases.Add(phrase);
            var termGrams = tokens.Count == 1 && IsSingleCjkCharacter(tokens[0]) ? tokens
                : IsOneCjkRunOfThreeOrMore(tokens) ? TrigramsOf(tokens)
                : null;
            if (termGrams is not null)
            {
                // A prefix star adds nothing: the gram index holds every character and trigram as they stand.
                foreach (var gram in termGrams)
                {
                    if (!grams.Contains(gram))
                    {
                        grams.Add(gram);
                    }
                }
            }
            else
            {
                wordPhrases.Add(phrase);
            }

            hasMultiTokenTerms |= tokens.Count > 1;
            for (var i = 0; i < tokens.Count; i++)
            {
                // A lone CJK character is not weighed: as a prefix of every bigram it starts, merging
                // their postings would cost more than the search (the gram index takes one-character
                // lookups, so the word index keeps no prefix index).
                // Nor is the character that closes a run inside a term (式 in 生成式AI: 生成 成式 式 ai):
                // it says only that some run ends in 式 (方式, 模式), and would cost a pass over its postings.
                var isLast = i == tokens.Count - 1;
                if ((endsInPrefix && isLast && IsSingleCjkCharacter(tokens[i]))
                    || (i > 0 && IsSingleCjkCharacter(tokens[i]) && IsCjkBigram(tokens[i - 1]) && tokens[i - 1].EndsWith(tokens[i], StringComparison.Ordinal)))
                {
                    continue;
                }

                var token = new SearchPhrase([tokens[i]], endsInPrefix && isLast);
                if (!scoreTokens.Contains(token))
                {
                    scoreTokens.Add(token);
                }
            }

            terms.Add(TrimStrayPunctuation(term) + (isPrefix ? "*" : ""));
            var surface = term + (isPrefix ? "*" : "");
            normalized.Add(term.Contains(' ') ? $"\"{surface}\"" : surface);
            if (phrases.Count == MaxTerms)
            {
                break;
            }
        }

        return phrases.Count == 0
            ? Empty
            : new SearchQuery(phrases, wordPhrases, grams, scoreTokens, hasMultiTokenTerms, terms, string.Join(' ', normalized));
    }

    /// <summary>True for the tokens of one CJK run of three or more characters: two or more bigrams,
    /// each starting with the last character of the one before (大模 模型).</summary>
    private static bool IsOneCjkRunOfThreeOrMore(IReadOnlyList<string> tokens)
    {
        if (tokens.Count < 2 || !tokens.All(IsCjkBigram))
        {
            return false;
        }

        for (var i = 1; i < tokens.Count; i++)
        {
            var secondOfPrevious = tokens[i - 1][SearchTextAnalyzer.RuneAt(tokens[i - 1], 0).Utf16SequenceLength..];
            if (!tokens[i].StartsWith(secondOfPrevious, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The trigrams of a run from its bigrams: each bigram followed by the next one's last character.</summary>
    private static List<string> TrigramsOf(IReadOnlyList<string> bigrams) =>
        [.. bigrams.Zip(bigrams.Skip(1), (bigram, next) => bigram + next[SearchTextAnalyzer.RuneAt(next, 0).Utf16SequenceLength..])];

    private static bool IsCjkBigram(string token)
    {
        var first = SearchTextAnalyzer.RuneAt(token, 0);
        if (first.Utf16SequenceLength >= token.Length || !SearchTextAnalyzer.IsCjk(first))
        {
            return false;
        }

        var second = SearchTextAnalyzer.RuneAt(token, first.Utf16SequenceLength);
        return first.Utf16SequenceLength + second.Utf16SequenceLength == token.Length && SearchTextAnalyzer.IsCjk(second);
    }

    /// <summary>Cuts to <see cref="MaxInputLength"/> without splitting a surrogate pair.</summary>
    private static string Truncate(string input)
    {
        if (input.Length <= MaxInputLength)
        {
            return input;
        }

        var length = char.IsHighSurrogate(input[MaxInputLength - 1]) ? MaxInputLength - 1 : MaxInputLength;
        return input[..length];
    }

    /// <summary>Whitespace-separated terms; a quoted stretch is one term with its inner whitespace collapsed.</summary>
    private static List<string> SplitTerms(string input)
    {
        var terms = new List<string>();
        var current = new StringBuilder();
        var inQuotes = false;
        foreach (var c in input)
        {
            if (c is '"' or '“' or '”')
            {
                AddTerm(terms, current);
                inQuotes = !inQuotes;
            }
            else if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (inQuotes && current.Length > 0 && current[^1] != ' ')
                {
                    current.Append(' ');
                }
                else if (!inQuotes)
                {
                    AddTerm(terms, current);
                }
            }
            else
            {
                current.Append(c);
            }
        }

        AddTerm(terms, current);
        return terms;
    }

    private static void AddTerm(List<string> terms, StringBuilder current)
    {
        var term = current.ToString().Trim();
        if (term.Length > 0)
        {
            terms.Add(term);
        }

        current.Clear();
    }

    private static bool IsSingleCjkCharacter(string token)
    {
        var rune = SearchTextAnalyzer.RuneAt(token, 0);
        return rune.Utf16SequenceLength == token.Length && SearchTextAnalyzer.IsCjk(rune);
    }

    /// <summary>
    /// Drops punctuation at the term's edges that the highlighter could never find in text (^foo, b), "x),
    /// but keeps the marks that make c#, f#, c++ and .net what they are.
    /// </summary>
    private static string TrimStrayPunctuation(string term)
    {
        var start = 0;
        while (start < term.Length && !IsTokenChar(term, start) && !term.AsSpan(start).StartsWith(".net"))
        {
            start++;
        }

        var end = term.Length;
        while (end > start && !IsTokenChar(term, end - 1) && !EndsWithLanguageName(term.AsSpan(start, end - start)))
        {
            end--;
        }

        return term[start..end];
    }

    private static bool EndsWithLanguageName(ReadOnlySpan<char> text)
    {
        foreach (var name in (ReadOnlySpan<string>)["c#", "f#", "c++"])
        {
            if (text.EndsWith(name) && (text.Length == name.Length || !IsTokenChar(text, text.Length - name.Length - 1)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsTokenChar(ReadOnlySpan<char> text, int index)
    {
        // A low surrogate is checked as part of its pair, from the high one.
        var start = index > 0 && char.IsLowSurrogate(text[index]) && char.IsHighSurrogate(text[index - 1]) ? index - 1 : index;
        Rune.DecodeFromUtf16(text[start..], out var rune, out _);
        return SearchTextAnalyzer.IsCjk(rune) || SearchTextAnalyzer.IsWordChar(rune);
    }
}
