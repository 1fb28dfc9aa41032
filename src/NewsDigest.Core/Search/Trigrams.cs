using System.Text;

namespace NewsDigest.Core.Search;

/// <summary>
/// The three-character stretches of CJK runs that the article_grams table holds, one entry per
/// distinct stretch per article. A set of them is kept packed, three code points in one long
/// (21 bits each), so collecting the thousand or so of a long article costs no string per stretch.
/// </summary>
internal static class Trigrams
{
    private const int Bits = 21;
    private const long Mask = (1L << Bits) - 1;

    public static long Pack(Rune first, Rune second, Rune third) =>
        ((long)first.Value << (2 * Bits)) | ((long)second.Value << Bits) | (uint)third.Value;

    /// <summary>The trigrams as index text: each one a token, separated by spaces.</summary>
    public static string ToText(IReadOnlyCollection<long> trigrams)
    {
        var text = new StringBuilder(trigrams.Count * 4);
        foreach (var packed in trigrams)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(new Rune((int)(packed >> (2 * Bits))))
                .Append(new Rune((int)((packed >> Bits) & Mask)))
                .Append(new Rune((int)(packed & Mask)));
        }

        return text.ToString();
    }
}
