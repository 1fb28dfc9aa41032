using Microsoft.Playwright;
using NewsDigest.Browser.Tests.Infrastructure;
using NewsDigest.Tests.Shared;

namespace NewsDigest.Browser.Tests;

/// <summary>
/// Every page type at both sizes in both themes: it fits the screen, its text is readable, and a
/// screenshot is saved for review (bin/.../screenshots). One browser page visits all page types
/// per case: opening pages is most of a browser test's cost.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PageLayoutTests(PortalFixture portal)
{
    /// <summary>Reading text: titles, excerpts, article paragraphs, facets, table cells.</summary>
    private const string BodyText = ".card-title, .excerpt, .prose p, .prose li, .facet-value, .files td, .empty-state p, .lead";

    public static TheoryData<Viewport, string> Cases()
    {
        var data = new TheoryData<Viewport, string>();
        foreach (var viewport in Viewport.All)
        {
            foreach (var theme in PageTypes.Themes)
            {
                data.Add(viewport, theme);
            }
        }

        return data;
    }

    [TheoryNeeding(Tool.Chromium)]
    [MemberData(nameof(Cases))]
    public async Task Every_page_fits_the_screen_and_reads_well(Viewport viewport, string theme)
    {
        await using var context = await portal.NewContextAsync(viewport, theme);
        var page = await context.NewPageAsync();
        var problems = new List<string>();

        foreach (var (pageName, path) in PageTypes.Paths)
        {
            await page.GotoAsync(path);
            Assert.Equal(theme, await page.Locator("html").GetAttributeAsync("data-theme"));
            await Screenshots.SaveAsync(page, pageName, viewport, theme);
            problems.AddRange((await SidewaysScroll(page)).Concat(await TooSmallText(page)).Select(p => $"{pageName} ({path}): {p}"));
        }

        Assert.True(problems.Count == 0, $"At {viewport.Width}px, {theme}:\n" + string.Join("\n", problems));
    }

    private static async Task<IEnumerable<string>> SidewaysScroll(IPage page)
    {
        var width = await page.EvaluateAsync<WidthReport>(
            """
            () => ({
                scrollWidth: document.scrollingElement.scrollWidth,
                innerWidth: window.innerWidth,
                tooWide: [...document.querySelectorAll("body *")]
                    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
                    .slice(0, 5)
                    .map(e => e.tagName.toLowerCase() + [...e.classList].map(c => "." + c).join(""))
            })
            """);
        return width.ScrollWidth <= width.InnerWidth
            ? []
            : [$"scrolls sideways: {width.ScrollWidth}px wide; sticking out: {string.Join(", ", width.TooWide)}"];
    }

    private static async Task<IEnumerable<string>> TooSmallText(IPage page)
    {
        // Body text at least 14px; nothing visible (meta, counts, labels, code) under 12px.
        // Code is exempt from 14px: monospace at 0.9em reads as large as the text around it.
        var tooSmall = await page.EvaluateAsync<string[]>(
            """
            bodyText => [...document.querySelectorAll("body *")]
                .filter(e => e.checkVisibility() && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
                .map(e => ({ e, size: parseFloat(getComputedStyle(e).fontSize) }))
                .filter(({ e, size }) => size < (e.closest(bodyText) && !e.closest("code") ? 14 : 12))
                .map(({ e, size }) => `${e.tagName.toLowerCase()}${[...e.classList].map(c => "." + c).join("")} ${size}px "${e.textContent.trim().slice(0, 20)}"`)
                .slice(0, 5)
            """,
            BodyText);
        return tooSmall.Select(t => $"text too small to read: {t}");
    }

    /// <summary>What the page measured (Playwright fills it from the script's result).</summary>
    private sealed class WidthReport
    {
        public double ScrollWidth { get; set; }

        public double InnerWidth { get; set; }

        public string[] TooWide { get; set; } = [];
    }
}
