using System.Text;
using NewsDigest.Core.Search;

namespace NewsDigest.Core.Tests.Search;

/// <summary>
/// Highlighted text written the way a reader sees it: "He said [AI]" is the text "He said AI" with
/// the range (8, 2) marked. Only for texts without brackets of their own.
/// </summary>
public static class MarkedNotation
{
    public static HighlightedText Parse(string notation)
    {
        var text = new StringBuilder();
        var marks = new List<MarkedRange>();
        var start = -1;
        foreach (var c in notation)
        {
            switch (c)
            {
                case '[': start = text.Length; break;
                case ']': marks.Add(new MarkedRange(start, text.Length - start)); break;
                default: text.Append(c); break;
            }
        }

        return new HighlightedText(text.ToString(), marks);
    }

    public static string Write(HighlightedText highlighted)
    {
        var text = highlighted.Text;
        Assert.DoesNotContain('[', text);
        Assert.DoesNotContain(']', text);
        foreach (var mark in highlighted.Marks.Reverse())
        {
            text = text.Insert(mark.End, "]").Insert(mark.Start, "[");
        }

        return text;
    }
}
