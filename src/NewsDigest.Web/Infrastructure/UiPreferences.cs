using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace NewsDigest.Web.Infrastructure;

/// <summary>The reader's UI language and theme for this request: language from the localisation
/// middleware (cookie, then Accept-Language), theme from its cookie.</summary>
public sealed record UiPreferences(string Culture, string Theme)
{
    public const string ThemeCookie = "theme";
    public static readonly string[] Cultures = ["zh-Hans", "en"];
    public static readonly string[] Themes = ["auto", "light", "dark"];

    public string HtmlLanguage => Culture;

    public static UiPreferences From(HttpContext context)
    {
        var culture = context.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.CurrentUICulture;
        var name = culture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "zh-Hans";
        var theme = context.Request.Cookies[ThemeCookie];
        return new UiPreferences(name, Themes.Contains(theme) ? theme! : "auto");
    }
}
