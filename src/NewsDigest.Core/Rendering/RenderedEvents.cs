using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace NewsDigest.Core.Rendering;

/// <summary>
/// An events summary (重大事件摘要) as safe HTML, with what the article page derives from it, read
/// off the rendered DOM once at ingestion and stored with the article, so no request parses HTML.
/// </summary>
/// <param name="Html">Sanitised HTML, ready to write unencoded into a page.</param>
/// <param name="Anchors">The number N of every point that got an <c>event-N</c> anchor and a link to
/// it, in order (a list may start at 3, and later lists continue: not always 1..count).</param>
/// <param name="Text">The summary as plain text without the point links, whitespace collapsed: the
/// share description is cut from it.</param>
public sealed record RenderedEvents(string Html, IReadOnlyList<int> Anchors, string Text)
{
    /// <summary>The class of the link each point gets to its own anchor.</summary>
    public const string PointLinkClass = "event-link";

    public static readonly RenderedEvents Empty = new("", [], "");

    // Escapes what an attribute value needs, so a Chinese label stays readable text.
    private static readonly HtmlEncoder AttributeEncoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly char[] Whitespace = ['\n', '\r', '\t', ' '];

    /// <summary>How many points got an anchor.</summary>
    public int EventCount => Anchors.Count;

    /// <summary>The id of point <paramref name="number"/>'s anchor.</summary>
    public static string AnchorId(int number) => "event-" + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The label the renderer gives a point's link. It renders once, at ingestion, so the
    /// label is English; a page puts the reader's language in with <see cref="WithPointLabels"/>.</summary>
    public static string PointLabel(int number) => "Link to point " + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The events HTML with each point link's label replaced by <paramref name="label"/>(N). A text
    /// replacement of the attributes the renderer wrote (no parsing): a summary's own text cannot
    /// contain them, since the sanitiser keeps no aria-label and a '&lt;' in text is escaped.
    /// </summary>
    public static string WithPointLabels(string html, IReadOnlyList<int> anchors, Func<int, string> label)
    {
        if (anchors.Count == 0)
        {
            return html;
        }

        var labelled = new StringBuilder(html);
        foreach (var number in anchors)
        {
            labelled.Replace(
                $"""href="#{AnchorId(number)}" aria-label="{PointLabel(number)}">""",
                $"""href="#{AnchorId(number)}" aria-label="{AttributeEncoder.Encode(label(number))}">""");
        }

        return labelled.ToString();
    }

    /// <summary>Anchors and text of events HTML stored before they were (migration 6): parses it once.</summary>
    public static RenderedEvents Read(string html)
    {
        if (html.Length == 0)
        {
            return Empty;
        }

        var body = new HtmlParser().ParseDocument("<body>" + html).Body!;
        return Read(html, body);
    }

    /// <summary>Anchors and text of <paramref name="html"/>, from <paramref name="body"/>, its DOM.</summary>
    internal static RenderedEvents Read(string html, IElement body)
    {
        var anchors = new List<int>();
        foreach (var link in body.QuerySelectorAll($"a.{PointLinkClass}"))
        {
            var href = link.GetAttribute("href") ?? "";
            if (href.StartsWith("#event-", StringComparison.Ordinal)
                && int.TryParse(href.AsSpan("#event-".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                anchors.Add(number);
            }
        }

        // The text without the points' "#" links, as a share description wants it.
        var text = new StringBuilder();
        foreach (var node in body.GetDescendants().OfType<IText>())
        {
            if (node.ParentElement is not { LocalName: "a" } parent || !parent.ClassList.Contains(PointLinkClass))
            {
                text.Append(node.Data);
            }
        }

        return new RenderedEvents(html, anchors, string.Join(' ', text.ToString().Split(Whitespace, StringSplitOptions.RemoveEmptyEntries)));
    }
}
