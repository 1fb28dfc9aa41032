using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NewsDigest.Core.Rendering;

/// <summary>
/// Turns an events summary (重大事件摘要) into safe HTML. Build one and share it: the Markdig
/// pipeline and the sanitiser are configured once here and only read afterwards, which is what
/// makes concurrent calls safe (HtmlSanitizer promises thread safety on that condition).
/// </summary>
/// <remarks>
/// Every top-level ordered-list item becomes a linkable point: <c>id="event-N"</c> plus an
/// <c>a.event-link</c> to it. Points written without Markdown list syntax (<c>1、xxx</c>,
/// <c>（1）xxx</c>) are ordinary paragraphs to Markdig and stay unanchored.
/// </remarks>
public sealed class MarkdownRenderer
{
    /// <summary>Inputs are cut to this many characters. A real summary is about 700. Markdig's
    /// cost on hostile nesting grows faster than linearly (9 MB of nested list markers took 78 s;
    /// at this limit the worst input measured, one line of '>', takes about 0.35 s).</summary>
    public const int MaxInputChars = 20_000;

    private const string ExternalLinkRel = "nofollow noopener noreferrer";

    // What Markdig emits for the extensions below; no id/class/style, so content cannot
    // collide with or restyle the page.
    private static readonly string[] AllowedTags =
    [
        "p", "br", "hr", "strong", "em", "del", "code", "pre", "blockquote",
        "ol", "ul", "li", "a", "h2", "h3", "h4", "h5", "h6",
        "table", "thead", "tbody", "tr", "th", "td",
    ];

    private static readonly string[] AllowedAttributes = ["href", "start"];

    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    // Escapes only what HTML needs, so Chinese stays readable text rather than &#x…; entities.
    private static readonly HtmlEncoder TextEncoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly MarkdownPipeline _pipeline;
    private readonly HtmlSanitizer _sanitizer;

    public MarkdownRenderer()
    {
        // Extensions one by one: UseAdvancedExtensions would bring generic attributes
        // ({onclick="..."}), and raw HTML is escaped, never passed through.
        _pipeline = new MarkdownPipelineBuilder()
            .DisableHtml()
            .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
            .UseAutoLinks()
            .UsePipeTables()
            .Build();

        var options = HtmlSanitizerOptions.Empty();
        options.AllowedTags.UnionWith(AllowedTags);
        options.AllowedAttributes.UnionWith(AllowedAttributes);
        options.AllowedSchemes.UnionWith(AllowedSchemes);
        options.UriAttributes.Add("href");
        _sanitizer = new HtmlSanitizer(options)
        {
            // A tag Markdig may emit but we do not allow (an image) keeps its text.
            KeepChildNodes = true,
        };
        _sanitizer.FilterUrl += DropRelativeUrl;
        _sanitizer.RemovingTag += KeepImageAltText;
    }

    public RenderedEvents RenderEvents(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var input = CutToLimit(markdown);
        var document = _sanitizer.SanitizeDom(ToHtml(input));
        var body = document.Body!;
        foreach (var link in body.QuerySelectorAll("a[href]"))
        {
            // Digests have no content of our own to link to, so every link leaves the site.
            link.SetAttribute("rel", ExternalLinkRel);
        }

        AddEventAnchors(document, body);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        foreach (var node in body.ChildNodes)
        {
            node.ToHtml(writer, HtmlFormatter.Instance);
        }

        return RenderedEvents.Read(writer.ToString(), body);
    }

    private string ToHtml(string markdown)
    {
        try
        {
            var parsed = Markdown.Parse(markdown, _pipeline);
            // The page's own title is the only h1; content headings start one level below.
            foreach (var heading in parsed.Descendants<HeadingBlock>())
            {
                heading.Level = Math.Min(heading.Level + 1, 6);
            }

            foreach (var link in parsed.Descendants<LinkInline>().Where(l => l.IsAutoLink).ToList())
            {
                EndBareUrlAtNonAscii(link);
            }

            return parsed.ToHtml(_pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses input nested past its depth limit, when parsing (thousands of '>')
            // or when rendering (thousands of '['); such a summary is not sensible Markdown, so
            // show it as plain text.
            return PlainHtml(markdown);
        }
    }

    /// <summary>A bare URL runs to the next space, but Chinese prose puts none after it
    /// (详见https://example.com/x。更多): end the link at the first non-ASCII character and
    /// give the rest back to the text.</summary>
    private static void EndBareUrlAtNonAscii(LinkInline link)
    {
        if (link.FirstChild is not LiteralInline literal || link.Url is not { } url)
        {
            return;
        }

        var text = literal.Content.ToString();
        var cut = text.AsSpan().IndexOfAnyExceptInRange((char)0x21, (char)0x7E);
        if (cut <= 0 || !url.EndsWith(text, StringComparison.Ordinal))
        {
            return;
        }

        link.Url = url[..^(text.Length - cut)];
        literal.Content = new StringSlice(text[..cut]);
        link.InsertAfter(new LiteralInline(text[cut..]));
    }

    private static string PlainHtml(string text) =>
        string.Concat(PlainText.Paragraphs(text).Select(p => $"<p>{TextEncoder.Encode(p)}</p>"));

    /// <summary>Numbers the points of top-level ordered lists and adds a link to each.
    /// A later list continues after the earlier ones (its <c>start</c> is raised when needed) so
    /// ids stay unique and the number shown is always the number in the id.</summary>
    private static void AddEventAnchors(IDocument document, IElement body)
    {
        var next = 1;
        foreach (var list in body.Children.Where(e => e.LocalName == "ol"))
        {
            var number = Math.Max(StartOf(list), next);
            if (number != 1)
            {
                list.SetAttribute("start", number.ToString(CultureInfo.InvariantCulture));
            }

            foreach (var item in list.Children.Where(e => e.LocalName == "li"))
            {
                var id = RenderedEvents.AnchorId(number);
                item.Id = id;
                var link = document.CreateElement("a");
                link.ClassName = RenderedEvents.PointLinkClass;
                link.SetAttribute("href", "#" + id);
                link.SetAttribute("aria-label", RenderedEvents.PointLabel(number));
                link.TextContent = "#";
                // In a loose list the text sits in a <p>: keep the control on its line.
                var target = item.FirstElementChild is { LocalName: "p" } paragraph ? paragraph : item;
                target.AppendChild(document.CreateTextNode(" "));
                target.AppendChild(link);
                number++;
            }

            next = number;
        }
    }

    private static int StartOf(IElement list) =>
        int.TryParse(list.GetAttribute("start"), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            ? start
            : 1;

    private static string CutToLimit(string markdown)
    {
        if (markdown.Length <= MaxInputChars)
        {
            return markdown;
        }

        var length = char.IsHighSurrogate(markdown[MaxInputChars - 1]) ? MaxInputChars - 1 : MaxInputChars;
        return markdown[..length];
    }

    // The sanitiser keeps scheme-less URLs; digests have no site-relative content, and a
    // relative or protocol-relative href would point somewhere on our own site or beyond.
    private static void DropRelativeUrl(object? sender, FilterUrlEventArgs e)
    {
        if (e.SanitizedUrl is { } url && !AllowedSchemes.Any(s => url.StartsWith(s + ":", StringComparison.OrdinalIgnoreCase)))
        {
            e.SanitizedUrl = null;
        }
    }

    private static void KeepImageAltText(object? sender, RemovingTagEventArgs e)
    {
        if (e.Tag.LocalName == "img" && e.Tag.GetAttribute("alt") is { Length: > 0 } alt)
        {
            e.Tag.Parent?.InsertBefore(e.Tag.Owner!.CreateTextNode(alt), e.Tag);
        }
    }
}
