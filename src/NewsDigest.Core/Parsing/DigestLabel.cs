using System.Buffers;

namespace NewsDigest.Core.Parsing;

/// <summary>A field label as editors write it at the start of a line, e.g. 标题 for the title.</summary>
internal sealed record DigestLabel(string Text, DigestField Field, string Meaning)
{
    public static readonly IReadOnlyList<DigestLabel> All =
    [
        new("标题", DigestField.Title, "title"),
        new("链接", DigestField.Link, "link"),
        new("总结", DigestField.Text, "article text"),
        new("关键词", DigestField.Keywords, "keywords"),
        new("AI技术", DigestField.Technologies, "AI technologies"),
        new("行业", DigestField.Industries, "industries"),
        new("重大事件摘要", DigestField.Events, "events summary"),
        new("发布时间", DigestField.Date, "date"),
        new("日期", DigestField.Date, "date"),
    ];

    // Most lines start with no label at all; one look at the first character settles them.
    private static readonly SearchValues<char> FirstCharacters = SearchValues.Create(
        string.Concat(All.Select(label => $"{char.ToLowerInvariant(label.Text[0])}{char.ToUpperInvariant(label.Text[0])}")));

    /// <summary>How messages name the label, e.g. "标题 (title)".</summary>
    public string Name => $"{Text} ({Meaning})";

    /// <summary>The label a line starts with, or null; <paramref name="valueStart"/> is the
    /// index just past its colon.</summary>
    public static DigestLabel? Match(ReadOnlySpan<char> line, out int valueStart)
    {
        var rest = line.TrimStart();
        var indent = line.Length - rest.Length;
        if (rest.IsEmpty || !FirstCharacters.Contains(rest[0]))
        {
            valueStart = 0;
            return null;
        }

        foreach (var label in All)
        {
            // Ignoring case only matters for the Latin part: editors write AI技术 and ai技术.
            if (!rest.StartsWith(label.Text, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var i = label.Text.Length;
            while (i < rest.Length && rest[i] is ' ' or '\t' or '\u3000')
            {
                i++;
            }

            if (i < rest.Length && rest[i] is ':' or '：')
            {
                valueStart = indent + i + 1;
                return label;
            }
        }

        valueStart = 0;
        return null;
    }
}
