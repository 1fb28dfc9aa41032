using NewsDigest.Browser.Tests.Infrastructure;

namespace NewsDigest.Browser.Tests;

[Collection(PortalCollection.Name)]
public sealed class SmokeTests(PortalFixture portal)
{
    [Fact]
    public async Task Home_page_opens()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync("/");
        Assert.Equal(200, response!.Status);
        Assert.Equal("12 篇文章", (await page.Locator(".result-count").TextContentAsync())?.Trim());
    }
}
