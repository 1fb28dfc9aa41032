using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NewsDigest.Web.Tests.Infrastructure;

namespace NewsDigest.Web.Tests.Pages;

/// <summary>A view is named alike wherever it appears: the list's heading, description and browser
/// tab, its insights, and its two feeds.</summary>
public sealed class ViewTitleTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Theory]
    [InlineData("industry=医疗&industry=金融&tech=大模型", "医疗 / 金融 · 大模型", "医疗 / 金融 · 大模型")]
    [InlineData("q=模型&industry=医疗&keyword=人工智能", "搜索：模型", "模型 · 医疗 · 人工智能")]
    public async Task A_view_is_named_alike_by_its_list_tab_insights_and_feeds(string view, string heading, string named)
    {
        using var app = new TestApp()
            .WithRealSeed()
            .WithFile("001_00000000000000c1.txt", Digests.Make("医疗大模型", "医疗", "大模型"))
            .WithFile("002_00000000000000c2.txt", Digests.Make("金融大模型", "金融", "大模型"));
        var client = await app.StartAsync();
        var query = "?" + string.Join("&", view.Split('&').Select(p => p.Split('=')).Select(p => p[0] + "=" + Uri.EscapeDataString(p[1])));

        var list = await TestApp.ParseHtml(await client.GetAsync("/" + query));
        var insights = await TestApp.ParseHtml(await client.GetAsync("/insights" + query));
        var atom = XDocument.Parse(await client.GetStringAsync("/feed.atom" + query)).Root!;
        var json = JsonDocument.Parse(await client.GetStringAsync("/feed.json" + query)).RootElement;

        Assert.Equal(heading, list.QuerySelector("h1")?.TextContent);
        Assert.Equal(heading + " · NewsDigest", list.Title);
        Assert.Equal(heading, list.QuerySelector("meta[property='og:title']")?.GetAttribute("content"));
        Assert.Matches($"^关于 {Regex.Escape(named)} 的 [1-9][0-9]* 篇文章。$", list.QuerySelector("meta[name=description]")?.GetAttribute("content"));
        Assert.Equal("洞察：" + named, insights.QuerySelector("h1")?.TextContent);
        Assert.Equal("洞察：" + named + " · NewsDigest", insights.Title);
        Assert.Equal("NewsDigest: " + named, (string?)atom.Element(Atom + "title"));
        Assert.Equal("AI industry news digests: " + named, (string?)atom.Element(Atom + "subtitle"));
        Assert.Equal("NewsDigest: " + named, json.GetProperty("title").GetString());
        Assert.Equal("AI industry news digests: " + named, json.GetProperty("description").GetString());
    }

    [Fact]
    public async Task The_whole_site_is_named_by_its_own_name()
    {
        using var app = new TestApp().WithRealSeed();
        var client = await app.StartAsync();

        var atom = XDocument.Parse(await client.GetStringAsync("/feed.atom")).Root!;
        var json = JsonDocument.Parse(await client.GetStringAsync("/feed.json")).RootElement;
        var insights = await TestApp.ParseHtml(await client.GetAsync("/insights"));

        Assert.Equal("NewsDigest", (string?)atom.Element(Atom + "title"));
        Assert.Equal("AI industry news digests", (string?)atom.Element(Atom + "subtitle"));
        Assert.Equal("NewsDigest", json.GetProperty("title").GetString());
        Assert.Equal("AI industry news digests", json.GetProperty("description").GetString());
        Assert.Equal("洞察", insights.QuerySelector("h1")?.TextContent);
        Assert.Equal("洞察 · NewsDigest", insights.Title);
    }
}
