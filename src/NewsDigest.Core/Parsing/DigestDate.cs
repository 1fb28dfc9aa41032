namespace NewsDigest.Core.Parsing;

/// <summary>The dates editors write: 2024-03-15, 2024-3-5, 2024/3/15 and 2024年3月15日.</summary>
internal static class DigestDate
{
    /// <summary>Reads a date at the start of <paramref name="value"/>; a time after it
    /// (2024-03-15 10:30, 2024-03-15T10:30) is allowed and ignored.</summary>
    public static bool TryParse(string value, out DateOnly date)
    {
        date = default;
        var text = FullWidthAscii.ToAscii(value).AsSpan().Trim();
        var i = 0;
        if (!TryReadNumber(text, ref i, 4, 4, out var year) || i >= text.Length)
        {
            return false;
        }

        var separator = text[i++];
        var daySeparator = separator switch
        {
            '-' or '/' => separator,
            '年' => '月',
            _ => '\0',
        };
        if (daySeparator == '\0'
            || !TryReadNumber(text, ref i, 1, 2, out var month)
            || i >= text.Length
            || text[i++] != daySeparator
            || !TryReadNumber(text, ref i, 1, 2, out var day))
        {
            return false;
        }

        if (separator == '年' && i < text.Length && text[i] is '日' or '号')
        {
            i++;
        }

        if (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != 'T')
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool TryReadNumber(ReadOnlySpan<char> text, ref int i, int minDigits, int maxDigits, out int number)
    {
        number = 0;
        var start = i;
        while (i < text.Length && i - start < maxDigits && char.IsAsciiDigit(text[i]))
        {
            number = (number * 10) + (text[i] - '0');
            i++;
        }

        var digits = i - start;
        return digits >= minDigits && (i >= text.Length || !char.IsAsciiDigit(text[i]));
    }
}
