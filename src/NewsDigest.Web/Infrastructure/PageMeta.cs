namespace NewsDigest.Web.Infrastructure;

/// <summary>What the layout puts in &lt;head&gt; for a page: title, description, canonical URL and
/// the sharing metadata. Every page model fills one; the layout never reads ViewData.</summary>
public sealed record PageMeta
{
    public required string Title { get; init; }

    public string? Description { get; init; }

    /// <summary>Absolute canonical URL.</summary>
    public string? CanonicalUrl { get; init; }

    /// <summary>Open Graph type: website for lists, article for articles.</summary>
    public string OgType { get; init; } = "website";

    /// <summary>Language of the content (zh-Hans or en), for og:locale.</summary>
    public string? ContentLanguage { get; init; }

    /// <summary>A JSON-LD document (already serialised) for the page, or null.</summary>
    public string? JsonLd { get; init; }

    /// <summary>Atom feed of the same view, if it has one.</summary>
    public string? FeedUrl { get; init; }

    /// <summary>Search engines should not index error and status pages.</summary>
    public bool NoIndex { get; init; }
}
