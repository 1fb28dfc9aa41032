using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using NewsDigest.Core.Listing;
using NewsDigest.Core.Storage;
using NewsDigest.Web.Infrastructure;

namespace NewsDigest.Web.Pages;

/// <summary>The list: newest first, filtered by tags, searched by q, paged. Every state has one
/// canonical URL; other spellings of the same state redirect to it.</summary>
[OutputCache(PolicyName = ResponseCaching.Pages)]
[ClientCache(60)]
public sealed class IndexModel(ArticleListing listing, IStringLocalizer<SharedResource> text) : PortalPageModel
{
    public ArticleFilter Filter { get; private set; } = new();

    public ArticlePage Result { get; private set; } = new(0, 1, PageSizes.Articles, [], new Dictionary<TagKind, IReadOnlyList<FacetValue>>());

    public FacetPanel Facets { get; private set; } = FacetPanel.Empty;

    public bool IsSearch => !string.IsNullOrEmpty(Filter.Query);

    public bool IsFiltered => IsSearch || Filter.HasTagFilters;

    public IActionResult OnGet()
    {
        if (!ListQuery.TryParse(Request.Query, PageSizes.Articles, out var filter, out var errors))
        {
            return InvalidRequest(errors);
        }

        var canonical = SiteUrls.List(filter);
        if (!SiteUrls.IsCanonical(Request, canonical))
        {
            return Redirect(LocalUrl(canonical));
        }

        Filter = filter;
        Result = listing.List(filter);
        Facets = FacetPanel.For(filter, Result);
        if (filter.Page > Result.PageCount)
        {
            Meta = new PageMeta { Title = text["Page not found"], NoIndex = true };
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Meta = new PageMeta
        {
            Title = Heading(),
            Description = IsFiltered
                ? string.Format(text["{0} articles about {1}."], Result.Total, Titles.Describe(filter))
                : text["AI industry news digests: summaries of the major events, by industry and AI technology."],
            CanonicalUrl = AbsoluteUrl(canonical),
            FeedUrl = SiteUrls.AtomFeed(filter),
            NoIndex = IsSearch,
        };
        return Page();
    }

    public string Heading() => Titles.List(Filter, text);
}
