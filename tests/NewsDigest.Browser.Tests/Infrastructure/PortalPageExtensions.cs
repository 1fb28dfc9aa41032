using Microsoft.Playwright;

namespace NewsDigest.Browser.Tests.Infrastructure;

/// <summary>Small waits and reads the journeys share. URLs are compared decoded ("/?industry=教育"),
/// because browsers and servers may percent-encode the same text differently.</summary>
public static class PortalPageExtensions
{
    /// <summary>The page's path and query, percent-decoded.</summary>
    public static string PathAndQuery(this IPage page) => Uri.UnescapeDataString(new Uri(page.Url).PathAndQuery);

    /// <summary>Waits until the page is at this (decoded) path and query and its document is parsed,
    /// failing with the URL it is at. It waits for DOMContentLoaded rather than the default "load":
    /// on a busy CI machine the load event of an already-matching page once never arrived in 30 s,
    /// and every check after this wait auto-waits for its own element anyway.</summary>
    public static async Task WaitForPathAsync(this IPage page, string pathAndQuery)
    {
        try
        {
            await page.WaitForURLAsync(
                url => Uri.UnescapeDataString(new Uri(url).PathAndQuery) == pathAndQuery,
                new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Expected the page at {pathAndQuery}, but it is at {page.PathAndQuery()}");
        }
    }

    /// <summary>The titles of the article cards in the list, in order.</summary>
    public static async Task<string[]> CardTitlesAsync(this IPage page) =>
        [.. (await page.Locator(".article-list .card-title").AllInnerTextsAsync()).Select(t => t.Trim())];

    public static async Task<string> TextOfAsync(this IPage page, string selector) =>
        (await page.Locator(selector).InnerTextAsync()).Trim();

    /// <summary>The facet link for one value of one kind (industry, tech, keyword), in the top
    /// list or under "more".</summary>
    public static ILocator Facet(this IPage page, string kind, string value) =>
        page.Locator($"section.facet-group[aria-labelledby='facet-{kind}'] a.facet:has(.facet-value:text-is('{value}'))");
}
