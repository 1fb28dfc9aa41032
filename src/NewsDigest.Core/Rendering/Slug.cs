using System.Globalization;
using System.Text;
using AnyAscii;

namespace NewsDigest.Core.Rendering;

/// <summary>The readable part of a permalink (<c>/articles/{id}/{slug}</c>): ASCII only,
/// lower case, words joined by hyphens. The id finds the article; the slug is decoration, so
/// it only has to be stable and legible, not unique.</summary>
public static class Slug
{
    public const int MaxLength = 60;

    private const string Fallback = "article";

    public static string For(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var ascii = new StringBuilder(title.Length * 3);
        foreach (var rune in title.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                ascii.Append((char)rune.Value);
                continue;
            }

            var transliterated = Transliteration.Transliterate(rune.ToString());
            // AnyAscii writes a Chinese character as one capitalised syllable (大 → Da) and Chinese
            // has no spaces, so each such syllable is its own word: 国产大模型 → guo-chan-da-mo-xing.
            // Latin letters with accents (é → e) must stay inside their word.
            var isSyllable = Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherLetter
                && transliterated.Length > 0 && char.IsUpper(transliterated[0]);
            ascii.Append(isSyllable ? $"-{transliterated}-" : transliterated);
        }

        var slug = new StringBuilder(ascii.Length);
        foreach (var c in ascii.ToString().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = Shorten(slug.ToString().TrimEnd('-'));
        return result.Length == 0 ? Fallback : result;
    }

    private static string Shorten(string slug)
    {
        if (slug.Length <= MaxLength)
        {
            return slug;
        }

        // Cut at a word boundary; a single word longer than the limit is cut where it must be.
        var lastHyphen = slug.LastIndexOf('-', MaxLength);
        return lastHyphen > 0 ? slug[..lastHyphen] : slug[..MaxLength];
    }
}
