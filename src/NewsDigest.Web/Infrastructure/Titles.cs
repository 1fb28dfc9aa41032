using Microsoft.Extensions.Localization;
using NewsDigest.Core.Storage;

namespace NewsDigest.Web.Infrastructure;

/// <summary>
/// The titles of the list views, in pages, browser tabs and feeds alike: what a view is filtered
/// to, in words, and the site's name. Built here only, so a page, its tab and its feed never name
/// the same view differently.
/// </summary>
public static class Titles
{
    public const string SiteName = "NewsDigest";

    /// <summary>The browser tab's title: the page's own, then the site's name; the site's own page is just the name.</summary>
    public static string Document(string title) => title == SiteName ? title : $"{title} · {SiteName}";

    /// <summary>What a view shows, in words: the search, then each kind's values
    /// ("模型 · 医疗 / 金融 · 大模型"); "" when nothing narrows it.</summary>
    public static string Describe(ArticleFilter filter) =>
        string.Join(" · ", TagKinds.All.Select(k => string.Join(" / ", filter.Values(k))).Prepend(filter.Query ?? "").Where(s => s.Length > 0));

    /// <summary>The list's heading: the search, else the filter, else the latest news.</summary>
    public static string List(ArticleFilter filter, IStringLocalizer text)
    {
        if (!string.IsNullOrEmpty(filter.Query))
        {
            return string.Format(text["Search: {0}"], filter.Query);
        }

        return filter.HasTagFilters ? Describe(filter) : text["Latest AI industry news"];
    }

    /// <summary>The heading of /insights for a view.</summary>
    public static string Insights(ArticleFilter filter, IStringLocalizer text) =>
        Describe(filter) is { Length: > 0 } what ? string.Format(text["Insights: {0}"], what) : text["Insights"];

    /// <summary>A feed's title: the site's name, and what its view shows.</summary>
    public static string Feed(ArticleFilter filter) => Describe(filter) is { Length: > 0 } what ? $"{SiteName}: {what}" : SiteName;

    /// <summary>A feed's description.</summary>
    public static string FeedDescription(ArticleFilter filter) =>
        Describe(filter) is { Length: > 0 } what ? $"AI industry news digests: {what}" : "AI industry news digests";
}
