using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;

namespace NewsDigest.Web.Infrastructure;

/// <summary>
/// /settings/language and /settings/theme: plain links that set a cookie and go back, so the
/// switches work without JavaScript and are remembered across visits.
/// </summary>
public static class SettingsEndpoints
{
    private static readonly TimeSpan Remember = TimeSpan.FromDays(365);

    public static IEndpointRouteBuilder MapSettings(this IEndpointRouteBuilder app)
    {
        app.MapGet("/settings/language", Language);
        app.MapGet("/settings/theme", Theme);
        return app;
    }

    private static Results<RedirectHttpResult, ProblemHttpResult> Language(HttpContext context, PublicBaseUrl publicBaseUrl, string? culture, string? returnUrl)
    {
        if (culture is null || !UiPreferences.Cultures.Contains(culture))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown language", detail: "culture must be zh-Hans or en.");
        }

        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            Options());
        return TypedResults.Redirect(publicBaseUrl.Local(context.Request, ReturnUrl.LocalOrHome(returnUrl)));
    }

    private static Results<RedirectHttpResult, ProblemHttpResult> Theme(HttpContext context, PublicBaseUrl publicBaseUrl, string? value, string? returnUrl)
    {
        if (value is null || !UiPreferences.Themes.Contains(value))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown theme", detail: "value must be auto, light or dark.");
        }

        context.Response.Cookies.Append(UiPreferences.ThemeCookie, value, Options());
        return TypedResults.Redirect(publicBaseUrl.Local(context.Request, ReturnUrl.LocalOrHome(returnUrl)));
    }

    private static CookieOptions Options() => new()
    {
        MaxAge = Remember,
        HttpOnly = false,
        IsEssential = true,
        SameSite = SameSiteMode.Lax,
        Path = "/",
    };
}
