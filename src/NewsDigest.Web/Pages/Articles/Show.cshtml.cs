using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using NewsDigest.Core.Ingestion;
using NewsDigest.Core.Listing;
using NewsDigest.Core.Rendering;
using NewsDigest.Core.Search;
using NewsDigest.Core.Storage;
using NewsDigest.Web.Infrastructure;

namespace NewsDigest.Web.Pages.Articles;

/// <summary>/articles/{id}/{slug}: one article. Any other slug (or none) redirects to the
/// canonical address, so links with an old title keep working.</summary>
[OutputCache(PolicyName = ResponseCaching.Pages)]
[ClientCache(300)]
public sealed class ShowModel(IArticleReader articles, ArticleListing listing, IStoryClusters storyClusters, IStringLocalizer<SharedResource> text) : PortalPageModel
{
    private static readonly JsonSerializerOptions JsonLdOptions = new()
    {
        // Keeps Chinese readable while still escaping <, > and & inside the script element.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public ArticleDetail Article { get; private set; } = null!;

    /// <summary>The events summary as rendered at ingestion, with its point links labelled in the reader's language.</summary>
    public string EventsHtml { get; private set; } = "";

    public IReadOnlyList<string> Paragraphs { get; private set; } = [];

    /// <summary>Paragraphs with search terms marked, when opened from a search.</summary>
    public IReadOnlyList<HighlightedText>? MarkedParagraphs { get; private set; }

    public IReadOnlyList<ArticleListItem> Related { get; private set; } = [];

    /// <summary>The other articles of this article's story (other outlets, same link); empty when it stands alone.</summary>
    public IReadOnlyList<StoryClusterMember> AlsoCoveredBy { get; private set; } = [];

    public ArticleListItem? Newer { get; private set; }

    public ArticleListItem? Older { get; private set; }

    public string CanonicalUrl { get; private set; } = "";

    public string ContentLanguage => Article.Language == "en" ? "en" : "zh-Hans";

    public IActionResult OnGet(string id, string? slug, string? q)
    {
        if (slug is null)
        {
            // The short permalink only redirects: its slug is all that is read, not the article.
            return ArticleIds.IsWellFormed(id) && articles.SlugOf(id) is { } canonical
                ? RedirectPermanent(LocalUrl(SiteUrls.Article(id, canonical, Request.QueryString)))
                : NotFound();
        }

        var article = ArticleIds.IsWellFormed(id) ? articles.Get(id) : null;
        if (article is null)
        {
            return NotFound();
        }

        if (slug != article.Slug)
        {
            return RedirectPermanent(LocalUrl(SiteUrls.Article(article.Id, article.Slug, Request.QueryString)));
        }

        Article = article;
        CanonicalUrl = AbsoluteUrl(SiteUrls.Article(article.Id, article.Slug));
        Paragraphs = PlainText.Paragraphs(article.Text);
        var query = SearchQuery.Parse(q is { Length: <= ListQuery.MaxQueryLength } ? q : null);
        if (query.Terms.Count > 0)
        {
            MarkedParagraphs = Paragraphs.Select(p => SearchHighlighter.Highlight(p, query.Terms)).ToList();
        }

        AlsoCoveredBy = storyClusters.OthersInStory(article.Seq);
        // The same story's other articles are listed once, under "Also covered by".
        var sameStory = AlsoCoveredBy.Select(m => m.Seq).ToHashSet();
        var around = listing.Around(article.Seq, 5 + sameStory.Count);
        Related = [.. around.Related.Where(r => !sameStory.Contains(r.Seq)).Take(5)];
        (Newer, Older) = (around.Newer, around.Older);

        // The point links are labelled in the reader's language; their numbers were stored at ingestion.
        EventsHtml = RenderedEvents.WithPointLabels(article.EventsHtml, article.EventAnchors, number => text["Link to point {0}", number]);
        var description = Summary(article);
        Meta = new PageMeta
        {
            Title = article.Title,
            Description = description,
            CanonicalUrl = CanonicalUrl,
            OgType = "article",
            ContentLanguage = ContentLanguage,
            JsonLd = JsonSerializer.Serialize(
                new Dictionary<string, object?>
                {
                    ["@context"] = "https://schema.org",
                    ["@type"] = "NewsArticle",
                    ["headline"] = article.Title,
                    ["description"] = description,
                    ["url"] = CanonicalUrl,
                    ["mainEntityOfPage"] = CanonicalUrl,
                    ["datePublished"] = article.Date,
                    ["dateModified"] = article.UpdatedAt,
                    ["inLanguage"] = ContentLanguage,
                    ["keywords"] = article.Keywords.Concat(article.Technologies).Concat(article.Industries).Distinct().ToList(),
                    ["isBasedOn"] = article.Link,
                    ["publisher"] = new Dictionary<string, string> { ["@type"] = "Organization", ["name"] = "NewsDigest" },
                },
                JsonLdOptions),
        };
        return Page();
    }

    /// <summary>The share description: the events summary as plain text (made at ingestion from the
    /// sanitised HTML: nothing is parsed per request), cut to a preview's length.</summary>
    private string Summary(ArticleDetail article)
    {
        var plain = article.EventsText.Length > 0 ? article.EventsText : article.Excerpt;
        return plain.Length == 0 ? text["An AI industry news digest."] : PlainText.Excerpt(plain, 200);
    }
}
