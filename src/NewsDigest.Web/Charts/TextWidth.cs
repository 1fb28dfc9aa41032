namespace NewsDigest.Web.Charts;

/// <summary>
/// Rough rendered widths of label text, so SVG charts can be laid out on the server without a
/// font: a CJK character is one em, Latin letters and digits about half to two thirds of one.
/// Estimates err wide; a label that would not fit is shortened with an ellipsis.
/// </summary>
public static class TextWidth
{
    public static double Estimate(string text, double fontSize)
    {
        var ems = 0.0;
        foreach (var c in text)
        {
            ems += c switch
            {
                >= '\u2E80' => 1.0,
                ' ' => 0.3,
                >= 'A' and <= 'Z' or >= '0' and <= '9' => 0.65,
                _ => 0.55,
            };
        }

        return ems * fontSize;
    }

    /// <summary>The text, or its longest start that fits with "…" after it.</summary>
    public static string Fit(string text, double fontSize, double maxWidth)
    {
        if (Estimate(text, fontSize) <= maxWidth)
        {
            return text;
        }

        var length = text.Length;
        while (length > 1 && Estimate(text[..length] + "…", fontSize) > maxWidth)
        {
            length--;
        }

        return text[..length].TrimEnd() + "…";
    }
}
