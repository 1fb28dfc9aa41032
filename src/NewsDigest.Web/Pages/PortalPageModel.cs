using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsDigest.Web.Infrastructure;

namespace NewsDigest.Web.Pages;

/// <summary>Base of every page model: carries the head metadata the layout renders.</summary>
public abstract class PortalPageModel : PageModel
{
    public PageMeta Meta { get; protected set; } = new() { Title = "NewsDigest" };

    protected string AbsoluteUrl(string pathAndQuery) => SiteUrls.Absolute(Request, pathAndQuery);
}
