using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsDigest.Core.Rendering;

namespace NewsDigest.Core.Tests.Rendering;

public sealed class MarkdownRendererTests
{
    private static readonly MarkdownRenderer Renderer = new();

    [Fact]
    public void RealSummary_AnchorsEachOfTheSixPoints()
    {
        var rendered = Renderer.RenderEvents(RenderingTestData.EventsSummary);
        var body = Parse(rendered.Html);

        var items = body.QuerySelectorAll("li[id^=event-]");
        Assert.Equal(6, rendered.EventCount);
        Assert.Equal(["event-1", "event-2", "event-3", "event-4", "event-5", "event-6"], items.Select(li => li.Id));
        for (var n = 1; n <= 6; n++)
        {
            var link = Assert.Single(items[n - 1].QuerySelectorAll("a.event-link"));
            Assert.Equal($"#event-{n}", link.GetAttribute("href"));
            Assert.Equal($"Link to point {n}", link.GetAttribute("aria-label"));
            Assert.Equal("#", link.TextContent);
        }
    }

    [Fact]
    public void RealSummary_ComesWithItsAnchorsAndItsTextWithoutThePointLinks()
    {
        var rendered = Renderer.RenderEvents(RenderingTestData.EventsSummary);

        Assert.Equal([1, 2, 3, 4, 5, 6], rendered.Anchors);
        Assert.StartsWith("这篇文章主要讨论了", rendered.Text);
        Assert.Contains("未来展望", rendered.Text);
        Assert.DoesNotContain("#", rendered.Text);
        Assert.DoesNotContain("\n", rendered.Text);
        Assert.DoesNotContain("  ", rendered.Text);
    }

    [Theory]
    [InlineData("1. 甲\n2. 乙\n\n其他事件：\n\n1. 丙\n2. 丁\n")]
    [InlineData("3. 丙\n4. 丁\n")]
    [InlineData("- 无序\n\n1. 甲\n   1. 子项\n2. 乙\n\n> 1. 引用中的列表\n")]
    [InlineData("1、第一点\n\n（1）第二点\n")]
    [InlineData("| 公司 | 模型 |\n|---|---|\n| OpenAI | GPT |\n\n```\ncode  kept\n```\n")]
    [InlineData("")]
    public void Reading_the_stored_html_again_gives_what_rendering_gave(string markdown)
    {
        var rendered = Renderer.RenderEvents(markdown);

        var read = RenderedEvents.Read(rendered.Html);

        Assert.Equal(rendered.Anchors, read.Anchors);
        Assert.Equal(rendered.Text, read.Text);
    }

    [Fact]
    public void Point_labels_are_replaced_for_the_stored_anchors_only_and_text_that_looks_like_one_is_left_alone()
    {
        var rendered = Renderer.RenderEvents("3. 丙 href=\"#event-3\" aria-label=\"Link to point 3\">\n4. 丁 <b>\n");

        var html = RenderedEvents.WithPointLabels(rendered.Html, rendered.Anchors, n => $"第 {n} 点 & \"引号\"");
        var body = Parse(html);

        Assert.Equal([3, 4], rendered.Anchors);
        Assert.Equal(["第 3 点 & \"引号\"", "第 4 点 & \"引号\""], body.QuerySelectorAll("a.event-link").Select(a => a.GetAttribute("aria-label")));
        Assert.Contains("丙 href=\"#event-3\" aria-label=\"Link to point 3\">", body.QuerySelector("li")!.TextContent);
        Assert.Equal(Parse(rendered.Html).TextContent, body.TextContent);
    }

    [Fact]
    public void RealSummary_KeepsBoldTitlesIntroAndClosing()
    {
        var body = Parse(Renderer.RenderEvents(RenderingTestData.EventsSummary).Html);

        var titles = body.QuerySelectorAll("li > p > strong, li > strong").Select(s => s.TextContent).ToList();
        Assert.Equal(6, titles.Count);
        Assert.Equal("中国国际大数据产业博览会（数博会）的举办", titles[0]);
        Assert.Equal("未来展望", titles[5]);
        var paragraphs = body.Children.Where(e => e.LocalName == "p").ToList();
        Assert.Equal(2, paragraphs.Count);
        Assert.StartsWith("这篇文章主要讨论了", paragraphs[0].TextContent);
        Assert.StartsWith("总的来说", paragraphs[1].TextContent);
        AssertHarmless(body);
    }

    [Fact]
    public void RealSummary_WritesChineseAsCharactersNotEntities()
    {
        var html = Renderer.RenderEvents(RenderingTestData.EventsSummary).Html;

        Assert.DoesNotContain("&#", html);
        Assert.Contains("数据作为生产要素的重要性", html);
    }

    [Fact]
    public void IsSafeToShareBetweenThreads()
    {
        var expected = Renderer.RenderEvents(RenderingTestData.EventsSummary).Html;
        var results = new string[64];

        Parallel.For(0, results.Length, i => results[i] = Renderer.RenderEvents(RenderingTestData.EventsSummary).Html);

        Assert.All(results, html => Assert.Equal(expected, html));
    }

    public static TheoryData<string, string> HostileInputs => new()
    {
        { "<script>alert(1)</script>", "<script>alert(1)</script>" },
        { "<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>" },
        { "[x](javascript:alert(1))", "x" },
        { "[x](JaVaScRiPt:alert(1))", "x" },
        { "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "x" },
        { "<iframe src=\"https://evil.example/\"></iframe>", "<iframe src=\"https://evil.example/\"></iframe>" },
        { "[x](https://example.com){onclick=\"alert(1)\"}", "{onclick=\"alert(1)\"}" },
        { "## 标题 {onclick=\"alert(1)\" #id .class style=\"color:red\"}", "onclick" },
        { "![img](javascript:alert(1))", "img" },
        { "<javascript:alert(1)>", "javascript:alert(1)" },
        { "[x](&#106;avascript:alert(1))", "x" },
        { "[x](&#x6A;&#x61;vascript:alert(1))", "x" },
        { "[x](java&#09;script:alert(1))", "x" },
        { "[x][ref]\n\n[ref]: javascript:alert(1)", "x" },
        { "<a href=\"javascript:alert(1)\">x</a>", "<a href=\"javascript:alert(1)\">x</a>" },
        { "1. **<svg onload=alert(1)>**：要点", "<svg onload=alert(1)>" },
        { "`<script>alert(1)</script>`", "<script>alert(1)</script>" },
        { "<style>body{display:none}</style>", "<style>body{display:none}</style>" },
        { "[x](//evil.example/path)", "x" },
        { "[x](/admin)", "x" },
        { "[x](#event-1)", "x" },
        { "[x](vbscript:msgbox(1))", "x" },
        { "<!-- <script>alert(1)</script> -->", "<!--" },
        { "| a | b |\n|---|---|\n| <script>x</script> | [y](javascript:alert(1)) |", "<script>x</script>" },
    };

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public void HostileInput_RendersAsHarmlessText(string markdown, string visibleText)
    {
        var body = Parse(Renderer.RenderEvents(markdown).Html);

        AssertHarmless(body);
        Assert.Contains(visibleText, body.TextContent);
    }

    [Theory]
    [InlineData(5_000, '>')]
    [InlineData(100_000, '>')]
    [InlineData(5_000, '*')]
    [InlineData(5_000, '[')]
    public void DeeplyNestedInput_RendersWithoutFailing(int depth, char marker)
    {
        var body = Parse(Renderer.RenderEvents("内容\n\n" + new string(marker, depth) + " 尾").Html);

        AssertHarmless(body);
        Assert.Contains("内容", body.TextContent);
    }

    [Fact]
    public void DeeplyNestedLists_RenderWithoutFailing()
    {
        var markdown = string.Concat(Enumerable.Range(0, 400).Select(i => new string(' ', 2 * i) + "- 项\n"));

        var body = Parse(Renderer.RenderEvents(markdown).Html);

        AssertHarmless(body);
        Assert.Contains("项", body.TextContent);
    }

    [Fact]
    public void OverlongInput_IsCutToTheLimit()
    {
        var markdown = string.Concat(Enumerable.Repeat("1. **要点**：内容\n", 10_000));

        var rendered = Renderer.RenderEvents(markdown);

        Assert.InRange(rendered.EventCount, 1, MarkdownRenderer.MaxInputChars / 10);
        AssertHarmless(Parse(rendered.Html));
    }

    [Fact]
    public void Links_AreMarkedAsOutsideLinks()
    {
        var body = Parse(Renderer.RenderEvents("见 [OpenAI](https://openai.com/) 与 https://example.com/news 及 <mailto:a@example.com>").Html);

        var links = body.QuerySelectorAll("a").ToList();
        Assert.Equal(["https://openai.com/", "https://example.com/news", "mailto:a@example.com"], links.Select(a => a.GetAttribute("href")));
        Assert.All(links, a => Assert.Equal("nofollow noopener noreferrer", a.GetAttribute("rel")));
        Assert.All(links, a => Assert.False(a.HasAttribute("target")));
    }

    [Theory]
    [InlineData("详见 https://example.com/a?b=1。更多内容", "https://example.com/a?b=1", "详见 https://example.com/a?b=1。更多内容")]
    [InlineData("见 https://example.com/，以及", "https://example.com/", "见 https://example.com/，以及")]
    [InlineData("见 https://example.com/path（原文）", "https://example.com/path", "见 https://example.com/path（原文）")]
    public void BareUrlInChineseProse_EndsAtTheFirstChineseCharacter(string markdown, string href, string text)
    {
        var body = Parse(Renderer.RenderEvents(markdown).Html);

        var link = Assert.Single(body.QuerySelectorAll("a"));
        Assert.Equal(href, link.GetAttribute("href"));
        Assert.Equal(text, body.TextContent.Trim());
    }

    [Theory]
    [InlineData("详见https://example.com/a。")]
    [InlineData("见 https://example.com，以及")]
    public void BareUrlGluedToChinese_StaysText(string markdown)
    {
        // Markdig links a bare URL only after a space, and rejects a host that runs into
        // Chinese punctuation; the reader still sees the address.
        var body = Parse(Renderer.RenderEvents(markdown).Html);

        Assert.Empty(body.QuerySelectorAll("a"));
        Assert.Equal(markdown, body.TextContent.Trim());
    }

    [Fact]
    public void SeveralOrderedLists_ContinueTheNumbering()
    {
        var rendered = Renderer.RenderEvents("1. 甲\n2. 乙\n\n其他事件：\n\n1. 丙\n2. 丁\n");
        var body = Parse(rendered.Html);

        Assert.Equal(4, rendered.EventCount);
        Assert.Equal(["event-1", "event-2", "event-3", "event-4"], body.QuerySelectorAll("li").Select(li => li.Id));
        Assert.Equal("3", body.QuerySelectorAll("ol")[1].GetAttribute("start"));
    }

    [Fact]
    public void ListStartNumber_IsHonoured()
    {
        var body = Parse(Renderer.RenderEvents("3. 丙\n4. 丁\n").Html);

        Assert.Equal(["event-3", "event-4"], body.QuerySelectorAll("li").Select(li => li.Id));
        Assert.Equal("#event-3", body.QuerySelector("a.event-link")!.GetAttribute("href"));
    }

    [Fact]
    public void PointsSplitByParagraphs_KeepTheirNumbers()
    {
        var body = Parse(Renderer.RenderEvents("1. 甲\n\n说明。\n\n2. 乙\n\n说明。\n\n3. 丙\n").Html);

        Assert.Equal(["event-1", "event-2", "event-3"], body.QuerySelectorAll("li").Select(li => li.Id));
    }

    [Fact]
    public void NestedAndUnorderedLists_AreNotEvents()
    {
        var rendered = Renderer.RenderEvents("- 无序\n\n1. 甲\n   1. 子项\n   2. 子项\n2. 乙\n\n> 1. 引用中的列表\n");
        var body = Parse(rendered.Html);

        Assert.Equal(2, rendered.EventCount);
        Assert.Equal(["event-1", "event-2"], body.QuerySelectorAll("[id]").Select(e => e.Id));
    }

    [Fact]
    public void PointsWithoutListSyntax_StayUnanchored()
    {
        var rendered = Renderer.RenderEvents("1、第一点\n\n（1）第二点\n\n一、第三点\n");

        Assert.Equal(0, rendered.EventCount);
        Assert.DoesNotContain("id=", rendered.Html);
        Assert.Contains("1、第一点", rendered.Html);
    }

    [Fact]
    public void Headings_StartBelowThePageTitle()
    {
        var body = Parse(Renderer.RenderEvents("# 一\n\n## 二\n\n###### 六\n").Html);

        Assert.Equal(["h2", "h3", "h6"], body.Children.Select(e => e.LocalName));
    }

    [Fact]
    public void EmphasisExtrasAndTables_Render()
    {
        var body = Parse(Renderer.RenderEvents("~~旧~~ *新* `code`\n\n| 公司 | 模型 |\n|---|:-:|\n| OpenAI | GPT |\n").Html);

        Assert.NotNull(body.QuerySelector("del"));
        Assert.NotNull(body.QuerySelector("em"));
        Assert.NotNull(body.QuerySelector("code"));
        Assert.Equal("GPT", body.QuerySelector("table td:last-child")!.TextContent);
        AssertHarmless(body);
    }

    [Fact]
    public void EmptyInput_RendersNothing()
    {
        var rendered = Renderer.RenderEvents("");

        Assert.Equal("", rendered.Html);
        Assert.Empty(rendered.Anchors);
        Assert.Equal("", rendered.Text);
    }

    private static IElement Parse(string html) =>
        new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>").Body!;

    private static readonly string[] ActiveElements =
        ["script", "iframe", "img", "svg", "math", "object", "embed", "style", "input", "form", "link", "meta", "base", "frame"];

    private static void AssertHarmless(IElement body)
    {
        foreach (var element in body.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.LocalName, ActiveElements);
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{element.LocalName}[{attribute.Name}]");
                Assert.NotEqual("style", attribute.Name);
            }

            if (element.HasAttribute("class"))
            {
                Assert.Equal("a", element.LocalName);
                Assert.Equal("event-link", element.ClassName);
            }

            if (element.GetAttribute("id") is { } id)
            {
                Assert.Matches("^event-[0-9]+$", id);
                Assert.Equal("li", element.LocalName);
            }
        }

        foreach (var link in body.QuerySelectorAll("a[href]"))
        {
            var href = link.GetAttribute("href")!;
            Assert.True(
                Regex.IsMatch(href, "^(https?:|mailto:|#event-[0-9]+$)", RegexOptions.IgnoreCase),
                $"unexpected href {href}");
            if (href.StartsWith('#'))
            {
                Assert.Equal("event-link", link.ClassName);
            }
        }
    }
}
