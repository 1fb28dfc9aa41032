using System.Buffers;
using System.Text;

namespace NewsDigest.Core.Parsing;

/// <summary>Reads one digest file (docs/seed-format.md) into a <see cref="Digest"/>, or throws
/// <see cref="DigestFormatException"/> saying which line is wrong and why. Pure: no IO.</summary>
public sealed class DigestParser(DigestParserOptions options)
{
    public const int MaxTitleLength = 500;

    public const int MaxLinkLength = 2000;

    // C0 controls other than \t \n \r and form feed: their presence means binary, not text.
    private static readonly SearchValues<char> ForbiddenControls = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    private static readonly SearchValues<char> LineBreaks = SearchValues.Create("\r\n");

    /// <summary>The main entry: the file's bytes as read from disk.</summary>
    public Digest Parse(string fileName, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > options.MaxBytes)
        {
            throw TooLarge(fileName, bytes.Length, options.MaxBytes);
        }

        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        var invalidAt = FirstInvalidUtf8(bytes);
        if (invalidAt >= 0)
        {
            throw new DigestFormatException(fileName, LineAt(bytes[..invalidAt], (byte)'\r', (byte)'\n'),
                "this line has bytes that are not UTF-8 text; the file may be binary or saved in another encoding (such as GBK): save it as UTF-8.");
        }

        return ParseText(fileName, Encoding.UTF8.GetString(bytes));
    }

    public Digest Parse(string fileName, string text)
    {
        var byteCount = Encoding.UTF8.GetByteCount(text);
        if (byteCount > options.MaxBytes)
        {
            throw TooLarge(fileName, byteCount, options.MaxBytes);
        }

        return ParseText(fileName, text.StartsWith('\uFEFF') ? text[1..] : text);
    }

    private static Digest ParseText(string fileName, string text)
    {
        RejectNonText(fileName, text);
        if (text.AsSpan().IsWhiteSpace())
        {
            throw new DigestFormatException(fileName, 0,
                "the file is empty (it has no text, or only blank space); a digest needs at least a 标题 (title) line.");
        }

        var warnings = new List<DigestWarning>();
        var fields = SplitFields(text, warnings);

        var title = ReadTitle(fileName, text, fields[(int)DigestField.Title], warnings);
        return new Digest(
            title,
            ReadLink(text, fields[(int)DigestField.Link], warnings),
            ValueOf(text, fields[(int)DigestField.Text]),
            ReadTags(text, fields[(int)DigestField.Keywords], warnings),
            ReadTags(text, fields[(int)DigestField.Technologies], warnings),
            ReadTags(text, fields[(int)DigestField.Industries], warnings),
            ValueOf(text, fields[(int)DigestField.Events]),
            ReadDate(text, fields[(int)DigestField.Date], warnings),
            warnings);
    }

    /// <summary>One pass over the lines: each value runs from its label to the next label line.</summary>
    private static FieldSpan?[] SplitFields(string text, List<DigestWarning> warnings)
    {
        var fields = new FieldSpan?[Enum.GetValues<DigestField>().Length];
        DigestLabel? current = null;
        int currentLine = 0, currentStart = 0;
        var ignoreCurrent = false;
        var firstLabelAt = -1;

        var lineNumber = 1;
        var lineStart = 0;
        while (true)
        {
            var lineLength = text.AsSpan(lineStart).IndexOfAny(LineBreaks);
            var lineEnd = lineLength < 0 ? text.Length : lineStart + lineLength;
            var label = DigestLabel.Match(text.AsSpan(lineStart, lineEnd - lineStart), out var valueStart);
            if (label is not null)
            {
                if (firstLabelAt < 0)
                {
                    firstLabelAt = lineStart;
                }

                Close(lineStart);
                var earlier = fields[(int)label.Field];
                ignoreCurrent = earlier is not null;
                if (earlier is { } first)
                {
                    warnings.Add(new DigestWarning(lineNumber,
                        $"{label.Name} appears again on line {lineNumber}; the one on line {first.Line} is kept and this one is ignored."));
                }

                current = label;
                currentLine = lineNumber;
                currentStart = lineStart + valueStart;
            }

            if (lineEnd == text.Length)
            {
                break;
            }

            lineStart = lineEnd + (text[lineEnd] == '\r' && lineEnd + 1 < text.Length && text[lineEnd + 1] == '\n' ? 2 : 1);
            lineNumber++;
        }

        Close(text.Length);
        WarnAboutTextBeforeFirstLabel(text, firstLabelAt < 0 ? text.Length : firstLabelAt, warnings);
        return fields;

        void Close(int end)
        {
            if (current is not null && !ignoreCurrent)
            {
                fields[(int)current.Field] = new FieldSpan(current, currentLine, currentStart, end);
            }
        }
    }

    private static void WarnAboutTextBeforeFirstLabel(string text, int firstLabelAt, List<DigestWarning> warnings)
    {
        var before = text.AsSpan(0, firstLabelAt);
        var firstText = before.IndexOfAnyExcept(" \t\r\n\f\u3000\u00A0");
        if (firstText >= 0 && !before.IsWhiteSpace())
        {
            var line = LineAt(before[..firstText], '\r', '\n');
            warnings.Add(new DigestWarning(line,
                $"the text from line {line} up to the first label is not part of any field and was ignored."));
        }
    }

    private static string ReadTitle(string fileName, string text, FieldSpan? field, List<DigestWarning> warnings)
    {
        if (field is not { } title)
        {
            throw new DigestFormatException(fileName, 0, "the file has no 标题 (title) field; add a line like \"标题：…\".");
        }

        var value = CollapseWhitespace(ValueOf(text, title));
        if (value.Length == 0)
        {
            throw new DigestFormatException(fileName, title.Line, "the 标题 (title) field is empty; write the article's title after the colon.");
        }

        if (value.Length > MaxTitleLength)
        {
            warnings.Add(new DigestWarning(title.Line,
                $"the title is {value.Length} characters long; only the first {MaxTitleLength} are kept."));
            var cut = char.IsHighSurrogate(value[MaxTitleLength - 1]) ? MaxTitleLength - 1 : MaxTitleLength;
            value = value[..cut].TrimEnd();
        }

        return value;
    }

    private static string? ReadLink(string text, FieldSpan? field, List<DigestWarning> warnings)
    {
        if (field is not { } link)
        {
            return null;
        }

        var value = ValueOf(text, link);
        if (value.Length == 0)
        {
            return null;
        }

        // A Chinese input method turns the scheme's colon into ：; that is a typo, not a bad link.
        var fullWidthColon = value.IndexOf("：//", StringComparison.Ordinal);
        if (fullWidthColon is 4 or 5)
        {
            value = string.Concat(value.AsSpan(0, fullWidthColon), ":", value.AsSpan(fullWidthColon + 1));
        }

        var problem = value.Length > MaxLinkLength ? $"is longer than {MaxLinkLength} characters"
            : value.AsSpan().IndexOfAny(" \t\n\u3000\u00A0") >= 0 ? "has spaces or line breaks inside"
            : !IsHttpUrl(value) ? "is not an absolute http:// or https:// address"
            : null;
        if (problem is null)
        {
            return value;
        }

        warnings.Add(new DigestWarning(link.Line,
            $"the 链接 (link) \"{Shorten(value)}\" {problem}; the article is kept without a link."));
        return null;
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Length > 0;

    private static IReadOnlyList<string> ReadTags(string text, FieldSpan? field, List<DigestWarning> warnings) =>
        field is { } tags ? TagList.Read(ValueOf(text, tags), tags, warnings) : [];

    private static DateOnly? ReadDate(string text, FieldSpan? field, List<DigestWarning> warnings)
    {
        if (field is not { } date)
        {
            return null;
        }

        var value = ValueOf(text, date);
        if (value.Length == 0)
        {
            return null;
        }

        if (DigestDate.TryParse(value, out var parsed))
        {
            return parsed;
        }

        warnings.Add(new DigestWarning(date.Line,
            $"the {date.Label.Name} \"{Shorten(value)}\" is not a date like 2024-03-15 or 2024年3月15日; the article is kept without a date."));
        return null;
    }

    /// <summary>The field's value trimmed, with every line break written as \n.</summary>
    private static string ValueOf(string text, FieldSpan? field)
    {
        if (field is not { } span)
        {
            return "";
        }

        var value = text.AsSpan(span.Start, span.End - span.Start).Trim();
        if (!value.Contains('\r'))
        {
            return value.ToString();
        }

        return value.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
    }

    private static string CollapseWhitespace(string value) =>
        string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Shorten(string value) =>
        value.Length <= 80 ? value : string.Concat(value.AsSpan(0, 77), "...");

    private static void RejectNonText(string fileName, string text)
    {
        var control = text.AsSpan().IndexOfAny(ForbiddenControls);
        if (control >= 0)
        {
            throw new DigestFormatException(fileName, LineAt(text.AsSpan(0, control), '\r', '\n'),
                $"this line has a control character (U+{(int)text[control]:X4}) that text files do not have; the file looks binary, not like a digest.");
        }

        // Only a string handed to Parse(string, string) can hold these; decoded bytes cannot.
        var surrogate = text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        for (var i = surrogate; i >= 0 && i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                throw new DigestFormatException(fileName, LineAt(text.AsSpan(0, i), '\r', '\n'),
                    "this line has a broken character (an unpaired UTF-16 surrogate); save the file as UTF-8 text.");
            }
        }
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return -1;
        }

        var i = 0;
        while (Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed) == OperationStatus.Done)
        {
            i += consumed;
        }

        return i;
    }

    /// <summary>The 1-based line a position is on, given the text before it; LF, CRLF and lone CR
    /// each end one line.</summary>
    private static int LineAt<T>(ReadOnlySpan<T> before, T cr, T lf)
        where T : IEquatable<T>
    {
        ReadOnlySpan<T> crlf = [cr, lf];
        return 1 + before.Count(lf) + before.Count(cr) - before.Count(crlf);
    }

    private static DigestFormatException TooLarge(string fileName, int bytes, int maxBytes) =>
        new(fileName, 0,
            $"the file is {bytes} bytes, over the limit of {maxBytes} bytes (NewsDigest:MaxFileBytes); a digest is a few KB of text.");
}
