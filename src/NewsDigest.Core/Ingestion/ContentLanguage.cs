namespace NewsDigest.Core.Ingestion;

/// <summary>Decides whether a digest is Chinese or English, for lang attributes on the page.</summary>
public static class ContentLanguage
{
    /// <summary>"zh" when a noticeable share of the letters are Han characters, else "en".</summary>
    public static string Detect(string title, string text)
    {
        var sample = string.Concat(title, " ", text.Length > 2000 ? text[..2000] : text);
        int han = 0, latin = 0;
        foreach (var c in sample)
        {
            if (c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf')
            {
                han++;
            }
            else if (char.IsAsciiLetter(c))
            {
                latin++;
            }
        }

        // A Han character carries about a word; Latin words average ~5 letters.
        return han * 5 >= latin ? "zh" : "en";
    }
}
