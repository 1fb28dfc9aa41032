using NewsDigest.Core.Search;

namespace NewsDigest.Core.Storage;

/// <summary>One entry of a list page or API list: no full text, just what a list shows.</summary>
public sealed class ArticleListItem : ITaggedArticle
{
    public long Seq { get; init; }

    public string Id { get; init; } = "";

    public string Title { get; init; } = "";

    public string Slug { get; init; } = "";

    public string? Link { get; init; }

    public string? LinkHost { get; init; }

    public string Excerpt { get; init; } = "";

    /// <summary>yyyy-MM-dd: the digest's own date, else the day it was first ingested.</summary>
    public string Date { get; init; } = "";

    public string Language { get; init; } = "zh";

    public IReadOnlyList<string> Industries { get; set; } = [];

    public IReadOnlyList<string> Technologies { get; set; } = [];

    public IReadOnlyList<string> Keywords { get; set; } = [];

    /// <summary>Search snippet with the matches marked, when the list is a search.</summary>
    public HighlightedText? MarkedSnippet { get; set; }

    /// <summary>Title with the matches marked, when the list is a search.</summary>
    public HighlightedText? MarkedTitle { get; set; }

    /// <summary>In a list collapsed by story: how many other articles cover the same story
    /// (whatever the filter); null when the list is not collapsed.</summary>
    public int? MoreCoverage { get; set; }
}
