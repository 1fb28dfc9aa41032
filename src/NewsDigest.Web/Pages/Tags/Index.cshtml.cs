using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using NewsDigest.Core.Storage;
using NewsDigest.Web.Infrastructure;

namespace NewsDigest.Web.Pages.Tags;

/// <summary>/tags: every industry, technology and keyword with its article count.</summary>
[OutputCache(PolicyName = ResponseCaching.Pages)]
[ClientCache(300)]
public sealed class IndexModel(ArticleStore articles, IStringLocalizer<SharedResource> text) : PortalPageModel
{
    public IReadOnlyList<(TagKind Kind, IReadOnlyList<FacetValue> Tags)> Groups { get; private set; } = [];

    public void OnGet()
    {
        Groups = TagKinds.All.Select(k => (k, articles.Tags(k))).ToList();
        Meta = new PageMeta
        {
            Title = text["All tags"],
            Description = text["Every industry, AI technology and keyword in NewsDigest, with the number of articles."],
            CanonicalUrl = AbsoluteUrl("/tags"),
        };
    }
}
