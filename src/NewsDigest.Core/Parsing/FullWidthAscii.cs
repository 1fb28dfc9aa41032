namespace NewsDigest.Core.Parsing;

/// <summary>Full-width ASCII forms (ＧＰＴ, ２０２４, U+3000) as typed with a Chinese input method.</summary>
internal static class FullWidthAscii
{
    /// <summary>Maps U+FF01–U+FF5E to ASCII and U+3000 to a space, so ＧＰＴ and GPT are one tag.</summary>
    public static string ToAscii(string value)
    {
        if (value.AsSpan().IndexOfAnyInRange('\uFF01', '\uFF5E') < 0 && !value.Contains('\u3000'))
        {
            return value;
        }

        return string.Create(value.Length, value, static (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                chars[i] = c switch
                {
                    >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                    '\u3000' => ' ',
                    _ => c,
                };
            }
        });
    }
}
