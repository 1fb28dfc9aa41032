using System.Globalization;
using System.Text;

namespace NewsDigest.Core.Search;

/// <summary>
/// Turns Chinese/English text into the tokens the FTS5 index stores, Lucene-CJK style, so the
/// table only has to split on spaces (its <c>ascii</c> tokenizer does that and nothing else:
/// <c>unicode61</c> would make a whole Chinese run one token). Index and query text go through the
/// same code, so they always agree.
/// </summary>
/// <remarks>
/// Rules, applied after NFKC and invariant lower-casing:
/// <list type="bullet">
/// <item>A run of CJK characters (Han, kana, hangul) becomes its overlapping bigrams followed by
/// the run's last character alone: 我是中国人 → 我是 是中 中国 国人 人. The trailing single
/// character means every character starts some token, so a one-character query (a prefix query)
/// finds it wherever it stands, including at the end of a run (人 in 中国人).</item>
/// <item>A run of other letters/digits becomes one lower-cased word, Latin letters without their
/// diacritics (café → cafe); everything else separates words (GPT-4 → gpt 4, multi-agent →
/// multi agent, don't → don t).</item>
/// <item>Names that punctuation would destroy get a spelled-out token: c# → csharp, f# → fsharp,
/// c++ → cplusplus, .net → dotnet.</item>
/// </list>
/// Every token consists only of ASCII letters and digits or non-ASCII characters, all of which the
/// <c>ascii</c> tokenizer keeps inside a token, so it keeps each one whole.
/// </remarks>
public static class SearchTextAnalyzer
{
    /// <summary>The tokens of <paramref name="text"/> joined by single spaces: what goes into the FTS5 column.</summary>
    public static string ToIndexText(string text) => Analyze(text, isQueryTerm: false, grams: null);

    /// <summary>
    /// <see cref="ToIndexText(string)"/>, also adding every character and every three-character
    /// stretch of the text's CJK runs to <paramref name="grams"/> (packed by <see cref="CjkGrams"/>),
    /// in the same pass.
    /// </summary>
    internal static string ToIndexText(string text, HashSet<long> grams) => Analyze(text, isQueryTerm: false, grams);

    /// <summary>The tokens of <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<string> Tokenize(string text) =>
        ToIndexText(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// Tokens of one query term. Unlike index text, a CJK run that reaches the end of the term does not
    /// get its trailing single character: the document may continue the run there (医疗 inside 医疗器械),
    /// so only the bigrams are known to be in the index.
    /// </summary>
    internal static IReadOnlyList<string> TokenizeQueryTerm(string term) =>
        Analyze(term, isQueryTerm: true, grams: null).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>NFKC, then invariant lower case. Lone surrogates and U+FFFE, which make Normalize throw, become U+FFFD.</summary>
    internal static string Normalize(string text)
    {
        if (Ascii.IsValid(text))
        {
            return text.ToLowerInvariant();
        }

        return ReplaceUnnormalizableChars(text).Normalize(NormalizationForm.FormKC).ToLowerInvariant();
    }

    /// <summary>True for a character that becomes part of a CJK bigram.</summary>
    internal static bool IsCjk(Rune rune) =>
        rune.Value is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) // all ideographs: skip the category lookup
            || (IsInCjkBlock(rune.Value) && IsTokenCategory(rune));

    /// <summary>True for a non-CJK character that is part of a word.</summary>
    internal static bool IsWordChar(Rune rune) =>
        rune.IsAscii ? char.IsAsciiLetterOrDigit((char)rune.Value) : IsTokenCategory(rune) && !IsInCjkBlock(rune.Value);

    private static string Analyze(string text, bool isQueryTerm, HashSet<long>? grams)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = Normalize(text);
        var output = new StringBuilder(s.Length + (s.Length / 2));
        var i = 0;
        while (i < s.Length)
        {
            var rune = RuneAt(s, i);
            if (IsCjk(rune))
            {
                i = AppendCjkRun(s, i, output, isQueryTerm, grams);
            }
            else if (IsWordChar(rune))
            {
                i = AppendWord(s, i, output);
            }
            else if (rune.Value == '.' && IsDotNet(s, i))
            {
                AppendToken(output, "dotnet");
                i += ".net".Length;
            }
            else
            {
                i += rune.Utf16SequenceLength;
            }
        }

        return output.ToString();
    }

    /// <summary>Appends bigrams of the CJK run at <paramref name="start"/>, then its last character, and adds
    /// the run's characters and trigrams to <paramref name="grams"/> if given; returns the index after the run.</summary>
    private static int AppendCjkRun(string s, int start, StringBuilder output, bool isQueryTerm, HashSet<long>? grams)
    {
        var previous = start;
        var first = RuneAt(s, start);
        grams?.Add(CjkGrams.Pack(first));
        var current = start + first.Utf16SequenceLength;
        var length = 1;
        (Rune BeforeLast, Rune Last) window = (default, first);
        while (current < s.Length)
        {
            var rune = RuneAt(s, current);
            if (!IsCjk(rune))
            {
                break;
            }

            grams?.Add(CjkGrams.Pack(rune));
            if (length >= 2)
            {
                grams?.Add(CjkGrams.Pack(window.BeforeLast, window.Last, rune));
            }

            window = (window.Last, rune);
            var next = current + rune.Utf16SequenceLength;
            AppendToken(output, s.AsSpan(previous, next - previous));
            previous = current;
            current = next;
            length++;
        }

        var runReachesTermEnd = current == s.Length;
        if (!(isQueryTerm && runReachesTermEnd && length > 1))
        {
            AppendToken(output, s.AsSpan(previous, current - previous));
        }

        return current;
    }

    /// <summary>Appends the word at <paramref name="start"/> (or its spelled-out name); returns the index after it.</summary>
    private static int AppendWord(string s, int start, StringBuilder output)
    {
        var end = start;
        while (end < s.Length)
        {
            var rune = RuneAt(s, end);
            if (!IsWordChar(rune))
            {
                break;
            }

            end += rune.Utf16SequenceLength;
        }

        var word = s.AsSpan(start, end - start);
        var rest = s.AsSpan(end);
        if (word is "c" && rest.StartsWith("++"))
        {
            AppendToken(output, "cplusplus");
            return end + 2;
        }

        if (word is "c" or "f" && rest.StartsWith("#"))
        {
            AppendToken(output, word is "c" ? "csharp" : "fsharp");
            return end + 1;
        }

        AppendToken(output, FoldLatinDiacritics(word));
        return end;
    }

    /// <summary>
    /// café → cafe, Ñandú → ñandu → nandu: a Latin letter loses its combining marks, so either spelling
    /// finds the other. Marks on other scripts' letters (Devanagari vowel signs, say) are part of the
    /// letter and stay. The highlighter folds text the same way (<see cref="FoldedText"/>).
    /// </summary>
    internal static ReadOnlySpan<char> FoldLatinDiacritics(ReadOnlySpan<char> word)
    {
        if (Ascii.IsValid(word))
        {
            return word;
        }

        var decomposed = word.ToString().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var afterLatinLetter = false;
        foreach (var c in decomposed)
        {
            if (afterLatinLetter && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            folded.Append(c);
            afterLatinLetter = c is <= '\u024F' or (>= '\u1E00' and <= '\u1EFF');
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>True when the '.' at <paramref name="dot"/> starts ".net" as a whole word (.NET 10, ASP.NET).</summary>
    private static bool IsDotNet(string s, int dot)
    {
        var afterName = dot + ".net".Length;
        return s.AsSpan(dot).StartsWith(".net")
            && (afterName == s.Length || !IsWordChar(RuneAt(s, afterName)));
    }

    private static void AppendToken(StringBuilder output, ReadOnlySpan<char> token)
    {
        if (output.Length > 0)
        {
            output.Append(' ');
        }

        output.Append(token);
    }

    /// <summary>The rune at <paramref name="index"/>; a lone surrogate reads as U+FFFD (one char long).</summary>
    internal static Rune RuneAt(string s, int index)
    {
        if (!char.IsSurrogate(s[index]))
        {
            return new Rune(s[index]);
        }

        Rune.DecodeFromUtf16(s.AsSpan(index), out var rune, out _);
        return rune;
    }

    /// <summary>Letters, numbers and private-use characters: what a word is made of.</summary>
    private static bool IsTokenCategory(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.PrivateUse => true,
        _ => false,
    };

    private static bool IsInCjkBlock(int c) =>
        c is (>= 0x1100 and <= 0x11FF) // Hangul Jamo
            or (>= 0x3005 and <= 0x3007) // 々 〆 〇
            or (>= 0x3021 and <= 0x3029) // Hangzhou numerals
            or (>= 0x3031 and <= 0x3035) // kana repeat marks
            or (>= 0x3040 and <= 0x30FF) // Hiragana, Katakana
            or (>= 0x3100 and <= 0x312F) // Bopomofo
            or (>= 0x3130 and <= 0x318F) // Hangul compatibility Jamo
            or (>= 0x31A0 and <= 0x31BF) // Bopomofo extended
            or (>= 0x31F0 and <= 0x31FF) // Katakana phonetic extensions
            or (>= 0x3400 and <= 0x4DBF) // CJK extension A
            or (>= 0x4E00 and <= 0x9FFF) // CJK unified ideographs
            or (>= 0xA960 and <= 0xA97F) // Hangul Jamo extended A
            or (>= 0xAC00 and <= 0xD7FF) // Hangul syllables, Jamo extended B
            or (>= 0xF900 and <= 0xFAFF) // CJK compatibility ideographs
            or (>= 0xFF66 and <= 0xFFDC) // half-width kana and hangul
            or (>= 0x1B000 and <= 0x1B16F) // kana supplement and extended A
            or (>= 0x20000 and <= 0x323AF); // CJK extensions B-H, compatibility supplement

    private static string ReplaceUnnormalizableChars(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF') && !text.Contains('\uFFFE', StringComparison.Ordinal))
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]) || chars[i] == '\uFFFE')
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }
}
