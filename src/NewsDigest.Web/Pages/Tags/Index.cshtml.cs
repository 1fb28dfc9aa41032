using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using NewsDigest.Core.Listing;
using NewsDigest.Core.Storage;
using NewsDigest.Web.Infrastructure;

namespace NewsDigest.Web.Pages.Tags;

/// <summary>
/// /tags: the most used industries, technologies and keywords with their article counts, each
/// kind capped with a link to all of it; /tags?kind=keyword (&amp;page=2) lists one kind whole,
/// a page at a time, so no page grows with the number of tags.
/// </summary>
[OutputCache(PolicyName = ResponseCaching.Pages)]
[ClientCache(300)]
public sealed class IndexModel(ArticleListing listing, IStringLocalizer<SharedResource> text) : PortalPageModel
{
    /// <summary>Tags of each kind on /tags.</summary>
    public const int TopPerKind = 100;

    /// <summary>Each kind shown: its tags on this page (the top ones, or one page of them) and how many it has.</summary>
    public IReadOnlyList<(TagKind Kind, IReadOnlyList<FacetValue> Tags, int Total)> Groups { get; private set; } = [];

    /// <summary>The one kind listed whole; null on the overview.</summary>
    public TagKind? Kind { get; private set; }

    public PagerModel? Pager { get; private set; }

    public IActionResult OnGet()
    {
        var errors = new Dictionary<string, string[]>();
        var kindText = Request.Query["kind"].ToString();
        TagKind? kind = null;
        if (kindText.Length > 0 && !TagKinds.TryParse(kindText, out kind))
        {
            errors["kind"] = ["kind must be industry, tech or keyword."];
        }

        // "page" is a reserved route value in Razor Pages (the page's path), so read the query.
        var page = ListQuery.ParseInt(Request.Query["page"], "page", 1, 1, ListQuery.MaxPage, errors);
        if (kindText.Length == 0 && Request.Query.ContainsKey("page"))
        {
            errors["page"] = ["page needs a kind: /tags?kind=keyword&page=2."];
        }

        if (errors.Count > 0)
        {
            return InvalidRequest(errors);
        }

        var canonical = SiteUrls.Tags(kind, page);
        if (!SiteUrls.IsCanonical(Request, canonical))
        {
            return Redirect(LocalUrl(canonical));
        }

        Kind = kind;
        if (kind is { } one)
        {
            var tags = listing.Tags(one);
            var pageCount = Math.Max(1, (tags.Count + PageSizes.Tags - 1) / PageSizes.Tags);
            if (page > pageCount)
            {
                return NotFound();
            }

            Groups = [Group(one, tags, (page - 1) * PageSizes.Tags, PageSizes.Tags)];
            Pager = new PagerModel(page, pageCount, p => SiteUrls.Tags(one, p));
        }
        else
        {
            Groups = [.. TagKinds.All.Select(k => Group(k, listing.Tags(k), 0, TopPerKind))];
        }

        Meta = new PageMeta
        {
            Title = kind is null ? text["All tags"] : text[KindLabels.Plural(kind.Value)],
            Description = text["Every industry, AI technology and keyword in NewsDigest, with the number of articles."],
            CanonicalUrl = AbsoluteUrl(canonical),
        };
        return Page();
    }

    private static (TagKind, IReadOnlyList<FacetValue>, int) Group(TagKind kind, IReadOnlyList<FacetValue> tags, int skip, int take) =>
        (kind, [.. tags.Skip(skip).Take(take)], tags.Count);
}
