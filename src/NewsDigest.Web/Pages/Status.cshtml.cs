using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NewsDigest.Web.Infrastructure;

namespace NewsDigest.Web.Pages;

/// <summary>The page behind every error status (re-executed by the status-code middleware):
/// 404 for unknown routes and ids, 400 for malformed requests, 405 for a form sent to a page that
/// is only read, 500 without a stack trace. Re-executed with the failed request's method, so a
/// POST must not need an antiforgery token here.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel(IStringLocalizer<SharedResource> text) : PortalPageModel
{
    public int Code { get; private set; }

    public string Heading { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public void OnGet(int code) => Show(code);

    public void OnPost(int code) => Show(code);

    private void Show(int code)
    {
        // Reached directly (not re-executed): /status/418 must not pretend to be an error page.
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        Code = reExecuted && code is >= 400 and <= 599 ? code : 404;
        (Heading, Explanation) = Code switch
        {
            404 => (text["Page not found"], text["There is no page at this address. The article may have been removed, or the link is mistyped."]),
            400 => (text["Bad request"], text["This address has a parameter we cannot read."]),
            405 => (text["Method not allowed"], text["This address can only be read, not sent to."]),
            429 => (text["Too many requests"], text["Please wait a moment and try again."]),
            >= 500 => (text["Something went wrong"], text["The error has been logged. Please try again in a moment."]),
            _ => (text["Request failed"], text["The request could not be completed."]),
        };
        Response.StatusCode = Code;
        Meta = new PageMeta { Title = Heading, NoIndex = true };
    }
}
