using System.Text;

namespace NewsDigest.Core.Search;

/// <summary>
/// What the article_grams table holds of an article: each distinct character of its CJK runs and
/// each distinct three-character stretch of them (大模型 → 大, 模, 型, 大模型). A set of them is
/// kept packed, one long per gram (21 bits per code point), so collecting the thousand or more of
/// a long article costs no string per gram. A single character packs to its code point, a trigram
/// to three, the first never zero, so the two never meet.
/// </summary>
internal static class CjkGrams
{
    private const int Bits = 21;
    private const long Mask = (1L << Bits) - 1;

    public static long Pack(Rune character) => character.Value;

    public static long Pack(Rune first, Rune second, Rune third) =>
        ((long)first.Value << (2 * Bits)) | ((long)second.Value << Bits) | (uint)third.Value;

    /// <summary>The grams as index text: each one a token, separated by spaces.</summary>
    public static string ToText(IReadOnlyCollection<long> grams)
    {
        var text = new StringBuilder(grams.Count * 3);
        foreach (var packed in grams)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            if (packed > Mask)
            {
                text.Append(new Rune((int)(packed >> (2 * Bits))))
                    .Append(new Rune((int)((packed >> Bits) & Mask)));
            }

            text.Append(new Rune((int)(packed & Mask)));
        }

        return text.ToString();
    }
}
