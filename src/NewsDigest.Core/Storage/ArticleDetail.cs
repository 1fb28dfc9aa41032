namespace NewsDigest.Core.Storage;

/// <summary>A whole article, as the article page and /api/articles/{id} show it.</summary>
public sealed class ArticleDetail : ITaggedArticle
{
    public long Seq { get; init; }

    public string Id { get; init; } = "";

    public string Title { get; init; } = "";

    public string Slug { get; init; } = "";

    public string? Link { get; init; }

    public string? LinkHost { get; init; }

    public string Text { get; init; } = "";

    public string Excerpt { get; init; } = "";

    public string EventsMarkdown { get; init; } = "";

    public string EventsHtml { get; init; } = "";

    public int EventCount { get; init; }

    /// <summary>The number N of each point of the events summary with an <c>event-N</c> anchor, in
    /// order (see <see cref="Rendering.RenderedEvents"/>): stored at ingestion, never parsed per request.</summary>
    public IReadOnlyList<int> EventAnchors { get; set; } = [];

    /// <summary>The events summary as plain text, without the point links; stored at ingestion.</summary>
    public string EventsText { get; init; } = "";

    /// <summary>The digest's own date (yyyy-MM-dd), or null.</summary>
    public string? Published { get; init; }

    /// <summary>yyyy-MM-dd: the digest's own date, else the day it was first ingested.</summary>
    public string Date { get; init; } = "";

    public string SortKey { get; init; } = "";

    public string Language { get; init; } = "zh";

    public string SourceFile { get; init; } = "";

    public string IngestedAt { get; init; } = "";

    public string UpdatedAt { get; init; } = "";

    public IReadOnlyList<string> Industries { get; set; } = [];

    public IReadOnlyList<string> Technologies { get; set; } = [];

    public IReadOnlyList<string> Keywords { get; set; } = [];
}
