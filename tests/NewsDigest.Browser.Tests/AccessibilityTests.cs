using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using NewsDigest.Browser.Tests.Infrastructure;
using NewsDigest.Tests.Shared;

namespace NewsDigest.Browser.Tests;

/// <summary>axe-core on every page type in both themes: nothing serious or critical.</summary>
[Collection(AccessibilityCollection.Name)]
public sealed class AccessibilityTests(PortalFixture portal)
{
    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    /// <summary>Only violations are read; passes would serialise every node of a long page.</summary>
    private static readonly AxeRunOptions Options = new() { ResultTypes = [ResultType.Violations] };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var pageName in PageTypes.Paths.Keys)
        {
            foreach (var theme in PageTypes.Themes)
            {
                data.Add(pageName, theme);
            }
        }

        return data;
    }

    [TheoryNeeding(Tool.Chromium)]
    [MemberData(nameof(Cases))]
    public async Task No_serious_or_critical_axe_violations(string pageName, string theme)
    {
        await using var context = await portal.NewContextAsync(Viewport.Desktop, theme);
        var page = await context.NewPageAsync();
        await page.GotoAsync(PageTypes.Paths[pageName]);

        var result = await page.RunAxe(Options);

        var blocking = result.Violations.Where(v => BlockingImpacts.Contains(v.Impact)).ToList();
        Assert.True(
            blocking.Count == 0,
            $"axe-core on {pageName} ({PageTypes.Paths[pageName]}), {theme}:\n" + string.Join("\n", blocking.Select(Describe)));
    }

    private static string Describe(AxeResultItem violation) =>
        $"- {violation.Id} ({violation.Impact}): {violation.Help}\n    "
        + string.Join("\n    ", violation.Nodes.Take(5).Select(n => $"{n.Target}  {n.Html}"));
}
