using System.Text;

namespace NewsDigest.Core.Search;

/// <summary>
/// Finds search terms in stored text and reports where they are, as plain text plus marked ranges
/// (the FTS table is contentless, so FTS5's own highlight() and snippet() are not available).
/// Nothing here is markup: the web layer encodes the text and wraps the ranges.
/// </summary>
/// <remarks>
/// Terms match case- and width-insensitively on their surface text (GPT-4 finds "gpt-4" and "ＧＰＴ-4").
/// A term that starts or ends with a letter or digit matches only at a word boundary there, like the
/// index's words (ai does not mark "said"); CJK text matches anywhere. A trailing * marks the rest of the
/// word too (contam* marks "contamination"), as <see cref="SearchQuery.Terms"/> writes prefix terms.
/// </remarks>
public static class SearchHighlighter
{
    private const string Ellipsis = "…";

    /// <summary>How far a snippet edge may move to land on a space or clause punctuation instead of mid-word.</summary>
    private const int BoundarySearchLength = 20;

    /// <summary><paramref name="text"/> with every occurrence of any term marked.</summary>
    public static HighlightedText Highlight(string text, IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(terms);
        return new HighlightedText(text, MarksWithin(Merge(FindMatches(text, terms)), 0, text.Length, 0));
    }

    /// <summary>
    /// How many of the terms occur in a text, by the rules <see cref="Highlight"/> marks them by.
    /// The terms are folded once, so testing many short texts (titles, tags) stays cheap.
    /// </summary>
    public static Func<string, int> Counter(IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var folded = FoldTerms(terms);
        return text =>
        {
            var found = new bool[folded.Length];
            ForEachMatch(FoldedText.ValueOf(text), folded, (_, _, term) =>
            {
                found[term] = true;
                return true;
            });
            return found.Count(f => f);
        };
    }

    /// <summary>
    /// At most <paramref name="maxChars"/> characters of <paramref name="text"/> around the place where the
    /// most distinct terms occur together (the earliest such place), cut at spaces or clause punctuation
    /// where possible, with "…" on each cut side (part of the returned text), and the terms in it marked
    /// like <see cref="Highlight"/> does. Without a match, the start of the text.
    /// </summary>
    public static HighlightedText Snippet(string text, IReadOnlyList<string> terms, int maxChars = 160)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 1);

        var matches = FindMatches(text, terms);
        var (start, end) = matches.Count == 0
            ? LeadingWindow(text, maxChars)
            : BestWindow(text, matches, terms.Count, maxChars);

        var before = text.AsSpan(0, start).IsWhiteSpace() ? "" : Ellipsis;
        var after = text.AsSpan(end).IsWhiteSpace() ? "" : Ellipsis;
        return new HighlightedText(
            string.Concat(before, text.AsSpan(start, end - start), after),
            MarksWithin(Merge(matches), start, end, before.Length));
    }

    /// <summary>All term occurrences in original-text positions, sorted by start.</summary>
    private static List<TermMatch> FindMatches(string text, IReadOnlyList<string> terms)
    {
        var matches = new List<TermMatch>();
        if (terms.Count == 0 || text.Length == 0)
        {
            return matches;
        }

        var folded = FoldedText.Create(text);
        ForEachMatch(folded.Value, FoldTerms(terms), (at, end, termIndex) =>
        {
            matches.Add(new TermMatch(folded.OriginalStart(at), folded.OriginalEnd(end), termIndex));
            return true;
        });
        matches.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        return matches;
    }

    /// <summary>Calls <paramref name="onMatch"/> with each match's folded [start, end) and term until it returns false.</summary>
    private static void ForEachMatch(string folded, IReadOnlyList<FoldedTerm?> terms, Func<int, int, int, bool> onMatch)
    {
        for (var termIndex = 0; termIndex < terms.Count; termIndex++)
        {
            if (terms[termIndex] is not { } term)
            {
                continue;
            }

            var at = folded.IndexOf(term.Text, StringComparison.Ordinal);
            while (at >= 0)
            {
                var end = at + term.Text.Length;
                if (term.IsPrefix)
                {
                    while (end < folded.Length && IsWordCharAt(folded, end))
                    {
                        end++;
                    }
                }

                var startsWord = !term.NeedsWordStart || !IsWordCharBefore(folded, at);
                var endsWord = !term.NeedsWordEnd || end == folded.Length || !IsWordCharAt(folded, end);
                if (startsWord && endsWord && !onMatch(at, end, termIndex))
                {
                    return;
                }

                at = folded.IndexOf(term.Text, at + 1, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>The terms folded like text, with their word-boundary rules; null for a term that folds to nothing.</summary>
    private static FoldedTerm?[] FoldTerms(IReadOnlyList<string> terms)
    {
        var folded = new FoldedTerm?[terms.Count];
        for (var i = 0; i < terms.Count; i++)
        {
            var term = FoldedText.Create(terms[i].TrimEnd('*')).Value.Trim();
            folded[i] = term.Length == 0
                ? null
                : new FoldedTerm(
                    term,
                    terms[i].EndsWith('*'),
                    SearchTextAnalyzer.IsWordChar(SearchTextAnalyzer.RuneAt(term, 0)),
                    IsWordCharBefore(term, term.Length));
        }

        return folded;
    }

    /// <summary>Overlapping and touching matches joined, so each marked stretch is one range.</summary>
    private static List<TermMatch> Merge(List<TermMatch> sorted)
    {
        var merged = new List<TermMatch>();
        foreach (var match in sorted)
        {
            if (merged.Count > 0 && match.Start <= merged[^1].End)
            {
                merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, match.End) };
            }
            else
            {
                merged.Add(match);
            }
        }

        return merged;
    }

    /// <summary>The window whose matches cover the most distinct terms, widened to about maxChars with context.</summary>
    private static (int Start, int End) BestWindow(string text, List<TermMatch> matches, int termCount, int maxChars)
    {
        var counts = new int[termCount];
        var distinct = 0;
        var best = 0;
        var bestDistinct = 0;
        var bestEnd = 0;
        var right = 0;
        for (var left = 0; left < matches.Count; left++)
        {
            // The window [left, right) holds the matches that fit within maxChars of match "left" (always itself).
            while (right < matches.Count && (right <= left || matches[right].End <= matches[left].Start + maxChars))
            {
                distinct += counts[matches[right].Term]++ == 0 ? 1 : 0;
                right++;
            }

            if (distinct > bestDistinct)
            {
                (best, bestDistinct, bestEnd) = (left, distinct, right);
            }

            distinct -= --counts[matches[left].Term] == 0 ? 1 : 0;
        }

        var clusterStart = matches[best].Start;
        var clusterEnd = Math.Min(clusterStart + maxChars, matches.Skip(best).Take(bestEnd - best).Max(m => m.End));

        // A third of the spare room goes before the cluster: enough to read into it, most of it after.
        var spare = maxChars - (clusterEnd - clusterStart);
        var start = Math.Max(0, clusterStart - (spare / 3));
        var end = Math.Min(text.Length, start + maxChars);
        if (end == text.Length)
        {
            start = Math.Max(0, text.Length - maxChars);
        }

        return (MoveStartToBoundary(text, start, clusterStart), MoveEndToBoundary(text, end, clusterEnd));
    }

    private static (int Start, int End) LeadingWindow(string text, int maxChars)
    {
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        var end = Math.Min(text.Length, start + maxChars);
        var boundary = MoveEndToBoundary(text, end, start);

        // One word longer than the window has no boundary: cut it rather than show nothing.
        return (start, boundary > start ? boundary : end);
    }

    /// <summary>Moves a cut start forward (not past <paramref name="limit"/>) to just after a space or clause punctuation, else out of a word.</summary>
    private static int MoveStartToBoundary(string text, int start, int limit)
    {
        if (start == 0)
        {
            return 0;
        }

        var boundary = -1;
        for (var i = start - 1; i < Math.Min(limit, start + BoundarySearchLength); i++)
        {
            if (IsBreak(text[i]))
            {
                boundary = i + 1;
                break;
            }
        }

        if (boundary < 0)
        {
            boundary = start;
            while (boundary < limit && IsWordCharBefore(text, boundary) && IsWordCharAt(text, boundary))
            {
                boundary++;
            }
        }

        while (boundary < limit && char.IsWhiteSpace(text[boundary]))
        {
            boundary++;
        }

        return boundary < text.Length && char.IsLowSurrogate(text[boundary]) ? boundary + 1 : boundary;
    }

    /// <summary>Moves a cut end back (not before <paramref name="limit"/>) to a space or just after clause punctuation, else out of a word.</summary>
    private static int MoveEndToBoundary(string text, int end, int limit)
    {
        if (end >= text.Length)
        {
            return text.Length;
        }

        var boundary = -1;
        for (var i = end; i >= Math.Max(limit, end - BoundarySearchLength); i--)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                boundary = i;
                break;
            }

            if (i < end && IsBreak(text[i]))
            {
                boundary = i + 1;
                break;
            }
        }

        if (boundary < 0)
        {
            boundary = end;
            while (boundary > limit && IsWordCharBefore(text, boundary) && IsWordCharAt(text, boundary))
            {
                boundary--;
            }
        }

        while (boundary > limit && char.IsWhiteSpace(text[boundary - 1]))
        {
            boundary--;
        }

        return boundary > 0 && char.IsHighSurrogate(text[boundary - 1]) ? boundary - 1 : boundary;
    }

    private static bool IsBreak(char c) => char.IsWhiteSpace(c) || c is '，' or '。' or '！' or '？' or '；' or '：' or '、' or ',' or '!' or '?' or ';' or ':';

    private static bool IsWordCharAt(string text, int index) =>
        SearchTextAnalyzer.IsWordChar(SearchTextAnalyzer.RuneAt(text, index));

    private static bool IsWordCharBefore(string text, int index)
    {
        if (index == 0)
        {
            return false;
        }

        Rune.DecodeLastFromUtf16(text.AsSpan(0, index), out var rune, out _);
        return SearchTextAnalyzer.IsWordChar(rune);
    }

    /// <summary>
    /// The (merged, sorted) matches cut to text[start, end), as ranges into a text that holds that
    /// stretch from <paramref name="offset"/> on.
    /// </summary>
    private static List<MarkedRange> MarksWithin(List<TermMatch> merged, int start, int end, int offset)
    {
        var marks = new List<MarkedRange>();
        foreach (var match in merged)
        {
            var markStart = Math.Max(match.Start, start);
            var markEnd = Math.Min(match.End, end);
            if (markStart < markEnd)
            {
                marks.Add(new MarkedRange(markStart - start + offset, markEnd - markStart));
            }
        }

        return marks;
    }

    private sealed record FoldedTerm(string Text, bool IsPrefix, bool NeedsWordStart, bool NeedsWordEnd);

    private readonly record struct TermMatch(int Start, int End, int Term);
}
