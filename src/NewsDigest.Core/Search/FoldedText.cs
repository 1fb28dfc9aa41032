using System.Text;

namespace NewsDigest.Core.Search;

/// <summary>
/// Text folded for matching search terms (NFKC, lower case, Latin letters without diacritics as
/// <see cref="SearchTextAnalyzer"/> indexes them, every whitespace run one space), with the way
/// back from each folded position to the original text, so matches can be marked there.
/// </summary>
internal sealed class FoldedText
{
    /// <summary>Lower-cased ASCII by code, so folding an ASCII character allocates nothing.</summary>
    private static readonly string LowerAscii =
        string.Create(128, 0, (chars, _) =>
        {
            for (var c = 0; c < chars.Length; c++)
            {
                chars[c] = char.ToLowerInvariant((char)c);
            }
        });

    private readonly int[] _originalStarts;
    private readonly int[] _originalEnds;

    private FoldedText(string value, int[] originalStarts, int[] originalEnds)
    {
        Value = value;
        _originalStarts = originalStarts;
        _originalEnds = originalEnds;
    }

    public string Value { get; }

    /// <summary>The folded text and the way back to the original.</summary>
    public static FoldedText Create(string text) => Fold(text, mapBack: true);

    /// <summary>Only the folded text: for a yes/no test, where no position is mapped back.</summary>
    public static string ValueOf(string text) => Fold(text, mapBack: false).Value;

    private static FoldedText Fold(string text, bool mapBack) => FoldOneToOne(text, mapBack) ?? FoldAny(text, mapBack);

    /// <summary>
    /// The fold of a text whose every character folds to one character by itself (ASCII, full-width
    /// ASCII, ideographs, CJK punctuation, whitespace): nearly every title, tag and article here.
    /// One pass into an array, 2.4 times faster than <see cref="FoldAny"/> (docs/benchmarks.md),
    /// which ranking feels: it tests the title and tags of hundreds of candidates per search, and
    /// every snippet folds a whole article. Null for any other text.
    /// </summary>
    private static FoldedText? FoldOneToOne(string text, bool mapBack)
    {
        var folded = new char[text.Length];
        var starts = mapBack ? new int[text.Length] : [];
        var ends = mapBack ? new int[text.Length] : [];
        var length = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var end = i + 1;
            if (char.IsWhiteSpace(c))
            {
                while (end < text.Length && char.IsWhiteSpace(text[end]))
                {
                    end++;
                }

                c = ' ';
            }
            else if (char.IsAscii(c))
            {
                c = LowerAscii[c];
            }
            else if (c is >= '\uFF01' and <= '\uFF5E')
            {
                c = LowerAscii[c - 0xFEE0];
            }
            else if (!IsCaselessAndStable(c))
            {
                return null;
            }

            folded[length] = c;
            if (mapBack)
            {
                starts[length] = i;
                ends[length] = end;
            }

            length++;
            i = end;
        }

        return new FoldedText(new string(folded, 0, length), mapBack ? starts[..length] : [], mapBack ? ends[..length] : []);
    }

    /// <summary>Ideographs, CJK punctuation (、。「」) and dashes/quotes: caseless and NFKC-stable.</summary>
    private static bool IsCaselessAndStable(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3001' and <= '\u3035') or (>= '\u2010' and <= '\u2023');

    private static FoldedText FoldAny(string text, bool mapBack)
    {
        var folded = new StringBuilder(text.Length);
        var starts = new List<int>(mapBack ? text.Length : 0);
        var ends = new List<int>(mapBack ? text.Length : 0);
        var i = 0;
        while (i < text.Length)
        {
            var end = i + 1;
            ReadOnlySpan<char> fold;
            if (char.IsWhiteSpace(text[i]))
            {
                while (end < text.Length && char.IsWhiteSpace(text[end]))
                {
                    end++;
                }

                fold = " ";
            }
            else
            {
                if (char.IsHighSurrogate(text[i]) && end < text.Length && char.IsLowSurrogate(text[end]))
                {
                    end++;
                }

                fold = FoldElement(text.AsSpan(i, end - i));
            }

            folded.Append(fold);
            for (var k = 0; mapBack && k < fold.Length; k++)
            {
                starts.Add(i);
                ends.Add(end);
            }

            i = end;
        }

        return new FoldedText(folded.ToString(), [.. starts], [.. ends]);
    }

    /// <summary>Where the original text of folded range [start, end) begins.</summary>
    public int OriginalStart(int foldedStart) => _originalStarts[foldedStart];

    /// <summary>Where the original text of folded range [start, end) ends.</summary>
    public int OriginalEnd(int foldedEnd) => _originalEnds[foldedEnd - 1];

    /// <summary>One character or surrogate pair, folded; the common cases skip the costly general path.</summary>
    private static ReadOnlySpan<char> FoldElement(ReadOnlySpan<char> element)
    {
        var c = element[0];
        if (element.Length == 1)
        {
            if (char.IsAscii(c))
            {
                return LowerAscii.AsSpan(c, 1);
            }

            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                // Full-width ASCII, as NFKC would map it.
                return LowerAscii.AsSpan(c - 0xFEE0, 1);
            }

            if (IsCaselessAndStable(c))
            {
                return element;
            }

            if (char.IsSurrogate(c) || c == '\uFFFE')
            {
                // Cannot be normalised (Normalize throws); nothing to fold anyway.
                return element;
            }
        }

        // As the index folds words: é → e.
        return SearchTextAnalyzer.FoldLatinDiacritics(element.ToString().Normalize(NormalizationForm.FormKC).ToLowerInvariant());
    }
}
