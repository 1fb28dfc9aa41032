using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NewsDigest.Web.Infrastructure;

namespace NewsDigest.Web.Pages;

/// <summary>Base of every page model: carries the head metadata the layout renders.</summary>
public abstract class PortalPageModel : PageModel
{
    public PageMeta Meta { get; protected set; } = new() { Title = Titles.SiteName };

    /// <summary>Why the query string cannot be read, per parameter; empty when it can.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    protected string AbsoluteUrl(string pathAndQuery) => PublicBaseUrl.Absolute(Request, pathAndQuery);

    /// <summary>A redirect's target: relative, under the portal's public path.</summary>
    protected string LocalUrl(string pathAndQuery) => PublicBaseUrl.Local(Request, pathAndQuery);

    /// <summary>The page for a query string it cannot read: a 400, kept out of search engines,
    /// whose view lists <paramref name="errors"/> instead of its content.</summary>
    protected IActionResult InvalidRequest(IReadOnlyDictionary<string, string[]> errors)
    {
        Errors = errors;
        Meta = new PageMeta { Title = Text["Invalid request"], NoIndex = true };
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    // Resolved here rather than taken by every page's constructor: they are the same for all of them.
    private PublicBaseUrl PublicBaseUrl => HttpContext.RequestServices.GetRequiredService<PublicBaseUrl>();

    private IStringLocalizer<SharedResource> Text => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
}
