using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using NewsDigest.Core.Search;

namespace NewsDigest.Web.Infrastructure;

/// <summary>
/// Highlighted text as HTML: the text encoded, each marked range in <c>&lt;mark&gt;</c>. The text is
/// encoded before the tags are added, so the text can never bring markup of its own.
/// </summary>
public sealed class MarkedHtml(HighlightedText highlighted) : IHtmlContent
{
    private const string Open = "<mark>";
    private const string Close = "</mark>";

    /// <summary>Writes the HTML as one string: a page's writer keeps each write it is given. The page's
    /// encoder is not used; the encoding below is the one every marked text has.</summary>
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(ToString());
    }

    /// <summary>The HTML.</summary>
    public override string ToString()
    {
        var text = highlighted.Text;
        var html = new StringBuilder(text.Length + (highlighted.Marks.Count * (Open.Length + Close.Length)) + 16);
        var position = 0;
        foreach (var mark in highlighted.Marks)
        {
            AppendEncoded(html, text.AsSpan(position, mark.Start - position));
            html.Append(Open);
            AppendEncoded(html, text.AsSpan(mark.Start, mark.Length));
            html.Append(Close);
            position = mark.End;
        }

        AppendEncoded(html, text.AsSpan(position));
        return html.ToString();
    }

    /// <summary>
    /// Encodes only the five characters that matter in HTML text and attributes; Chinese stays as is
    /// (HtmlEncoder.Default would write every character as an &amp;#x…; entity).
    /// </summary>
    private static void AppendEncoded(StringBuilder html, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '<': html.Append("&lt;"); break;
                case '>': html.Append("&gt;"); break;
                case '&': html.Append("&amp;"); break;
                case '"': html.Append("&quot;"); break;
                case '\'': html.Append("&#39;"); break;
                default: html.Append(c); break;
            }
        }
    }
}
