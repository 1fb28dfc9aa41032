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

    /// <summary>Tags on each page of /tags?kind=….</summary>
    public const int PageSize = 500;

    /// <summary>Each kind shown: its tags on this page (the top ones, or one page of them) and how many it has.</summary>
    public IReadOnlyList<(TagKind Kind, IReadOnlyList<FacetValue> Tags, int Total)> Groups { get; private set; } = [];

    /// <summary>The one kind listed whole; null on the overview.</summary>
    public TagKind? Kind { get; private set; }

    public PagerModel? Pager { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

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
        var page = ListQuery.ParseInt(Request.Query, "page", 1, 1, ListQuery.MaxPage, errors);
        if (kindText.Length == 0 && Request.Query.ContainsKey("page"))
        {
            errors["page"] = ["page needs a kind: /tags?kind=keyword&page=2."];
        }

        if (errors.Count > 0)
        {
            Errors = errors;
            Meta = new PageMeta { Title = text["Invalid request"], NoIndex = true };
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var canonical = PageUrl(kind, page);
        if (!SiteUrls.IsCanonical(Request, canonical))
        {
            return Redirect(LocalUrl(canonical));
        }

        Kind = kind;
        if (kind is { } one)
        {
            var tags = listing.Tags(one);
            var pageCount = Math.Max(1, (tags.Count + PageSize - 1) / PageSize);
            if (page > pageCount)
            {
                return NotFound();
            }

            Groups = [Group(one, tags, (page - 1) * PageSize, PageSize)];
            Pager = new PagerModel(page, pageCount, p => PageUrl(one, p));
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

    /// <summary>/tags, or one kind's page: kind, then page; page 1 left out.</summary>
    public static string PageUrl(TagKind? kind, int page = 1) =>
        kind is null ? "/tags" : $"/tags?kind={kind.Value.ParameterName()}" + (page > 1 ? $"&page={page}" : "");
}
