using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsDigest.Web.Infrastructure;

namespace NewsDigest.Web.Pages;

/// <summary>Base of every page model: carries the head metadata the layout renders.</summary>
public abstract class PortalPageModel : PageModel
{
    public PageMeta Meta { get; protected set; } = new() { Title = "NewsDigest" };

    protected string AbsoluteUrl(string pathAndQuery) => PublicBaseUrl.Absolute(Request, pathAndQuery);

    /// <summary>A redirect's target: relative, under the portal's public path.</summary>
    protected string LocalUrl(string pathAndQuery) => PublicBaseUrl.Local(Request, pathAndQuery);

    // Resolved here rather than taken by every page's constructor: it is the same for all of them.
    private PublicBaseUrl PublicBaseUrl => HttpContext.RequestServices.GetRequiredService<PublicBaseUrl>();
}
