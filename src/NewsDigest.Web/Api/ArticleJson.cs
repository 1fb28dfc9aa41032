using System.ComponentModel;
using NewsDigest.Core.Storage;
using NewsDigest.Web.Infrastructure;

namespace NewsDigest.Web.Api;

/// <summary>JSON shapes of /api/articles. Field names are a public contract: keep them.</summary>
public sealed record ArticleListJson(
    int Total,
    int Page,
    int PageSize,
    IReadOnlyList<ArticleItemJson> Items,
    IReadOnlyDictionary<string, IReadOnlyList<FacetJson>> Facets,
    string? Next,
    string? Prev);

public sealed record ArticleItemJson(
    string Id,
    string Title,
    string Url,
    string? Link,
    string Date,
    IReadOnlyList<string> Industries,
    IReadOnlyList<string> Technologies,
    IReadOnlyList<string> Keywords,
    string Snippet,
    string? SnippetHtml,
    [property: Description("On a search: where snippet matches the search, the stretches snippetHtml wraps in <mark>. Offsets into snippet in UTF-16 code units, as JavaScript string indexes count (snippet.slice(start, start + length) is the match); sorted, not overlapping; empty when nothing in the snippet matches. Null without a search.")]
    IReadOnlyList<HighlightJson>? Highlights,
    int? MoreCoverage);

/// <summary>One match in an item's snippet.</summary>
public sealed record HighlightJson(int Start, int Length);

public sealed record FacetJson(string Value, int Count);

public sealed record ArticleDetailJson(
    string Id,
    string Title,
    string Url,
    string? Link,
    string Date,
    string? Published,
    IReadOnlyList<string> Industries,
    IReadOnlyList<string> Technologies,
    IReadOnlyList<string> Keywords,
    string Snippet,
    string Summary,
    string EventsMarkdown,
    string EventsHtml,
    string SourceFile,
    string IngestedAt,
    string UpdatedAt,
    IReadOnlyList<CoverageJson> AlsoCoveredBy);

/// <summary>Another article of the same story: where else it was covered.</summary>
public sealed record CoverageJson(string Id, string Title, string Url, string? Link, string? Source, string Date);

public static class ArticleJsonMapping
{
    public static ArticleItemJson ToJson(this ArticleListItem item) => new(
        item.Id,
        item.Title,
        SiteUrls.Article(item.Id, item.Slug),
        item.Link,
        item.Date,
        item.Industries,
        item.Technologies,
        item.Keywords,
        item.MarkedSnippet?.Text ?? item.Excerpt,
        item.MarkedSnippet is null ? null : new MarkedHtml(item.MarkedSnippet).ToString(),
        item.MarkedSnippet?.Marks.Select(m => new HighlightJson(m.Start, m.Length)).ToList(),
        item.MoreCoverage);

    public static ArticleDetailJson ToJson(this ArticleDetail article, IReadOnlyList<StoryClusterMember> alsoCoveredBy) => new(
        article.Id,
        article.Title,
        SiteUrls.Article(article.Id, article.Slug),
        article.Link,
        article.Date,
        article.Published,
        article.Industries,
        article.Technologies,
        article.Keywords,
        article.Excerpt,
        article.Text,
        article.EventsMarkdown,
        article.EventsHtml,
        article.SourceFile,
        article.IngestedAt,
        article.UpdatedAt,
        alsoCoveredBy.Select(ToJson).ToList());

    public static CoverageJson ToJson(this StoryClusterMember member) =>
        new(member.Id, member.Title, SiteUrls.Article(member.Id, member.Slug), member.Link, member.LinkHost, member.Date);

    public static ArticleListJson ToJson(this ArticlePage page, string? next = null, string? prev = null) => new(
        page.Total,
        page.Page,
        page.PageSize,
        page.Items.Select(i => i.ToJson()).ToList(),
        TagKinds.All.ToDictionary(
            k => k.ParameterName(),
            k => (IReadOnlyList<FacetJson>)page.Facets[k].Select(f => new FacetJson(f.Value, f.Count)).ToList()),
        next,
        prev);
}
