using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using NewsDigest.Core.Storage;
using NewsDigest.Web.Infrastructure;

namespace NewsDigest.Web.Pages;

/// <summary>/ingestion/stories: every story with several articles, the newest first, a page at a time.</summary>
[OutputCache(PolicyName = ResponseCaching.IngestionReport)]
[ClientCache(30, followsIngestionReport: true)]
public sealed class IngestionStoriesModel(IStoryClusters storyClusters, IStringLocalizer<SharedResource> text) : PortalPageModel
{
    public StoryClusterPage Stories { get; private set; } = new(0, 1, PageSizes.IngestionStories, []);

    /// <summary>The number of the page's first story, counting from the newest.</summary>
    public int FirstNumber => (Stories.Page - 1) * Stories.PageSize + 1;

    public PagerModel Pager => new(Stories.Page, Stories.PageCount, p => SiteUrls.IngestionStories(p));

    public IActionResult OnGet()
    {
        var errors = new Dictionary<string, string[]>();
        var page = ListQuery.ParseInt(Request.Query["page"], "page", 1, 1, ListQuery.MaxPage, errors);
        if (errors.Count > 0)
        {
            return InvalidRequest(errors);
        }

        var canonical = SiteUrls.IngestionStories(page);
        if (!SiteUrls.IsCanonical(Request, canonical))
        {
            return Redirect(LocalUrl(canonical));
        }

        Stories = storyClusters.Page(page, PageSizes.IngestionStories);
        if (page > Stories.PageCount)
        {
            return NotFound();
        }

        Meta = new PageMeta
        {
            Title = text["Same story, several articles"],
            Description = text["Articles with the same link, or near-identical titles and tags a few days apart. Readers see them under “Also covered by”; if one is a true duplicate, delete its file from the folder."],
            CanonicalUrl = AbsoluteUrl(canonical),
            NoIndex = true,
        };
        return Page();
    }
}
