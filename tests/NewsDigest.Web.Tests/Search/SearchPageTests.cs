using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using NewsDigest.Web.Tests.Infrastructure;

namespace NewsDigest.Web.Tests.Search;

/// <summary>Search through the real pipeline: /?q= and /api/articles?q=, combined with filters.</summary>
public sealed class SearchPageTests
{
    private static TestApp Corpus() => new TestApp()
        .WithRealSeed()
        .WithFile("001_00000000000000c1.txt", Digests.Make("医疗大模型落地", "医疗", "大模型", date: "2024-05-01"))
        .WithFile("002_00000000000000c2.txt", Digests.Make("银行引入风控模型", "金融", "机器学习", date: "2024-05-02", text: "银行引入新的风控模型，识别欺诈。"))
        .WithFile("003_00000000000000c3.txt", Digests.Make("影像诊断新进展", "医疗", "计算机视觉", date: "2024-05-03", text: "影像诊断软件获批。", events: "1. **获批**：软件获批。"))
        .WithFile("004_00000000000000c4.txt", Digests.Make("<b>标记</b> & 模型 <script>x</script>", "教育", "自然语言处理", date: "2024-05-04", text: "正文有 <i>尖括号</i> & 模型 \"引号\"。"));

    /// <summary>GETs the URL, following the portal's canonical redirects.</summary>
    private static async Task<HttpResponseMessage> Get(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        for (var hops = 0; hops < 3 && response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.MovedPermanently; hops++)
        {
            response = await client.GetAsync(response.Headers.Location);
        }

        return response;
    }

    private static async Task<IHtmlDocument> Page(HttpClient client, string url)
    {
        var response = await Get(client, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await TestApp.ParseHtml(response);
    }

    private static string Q(string text) => "/?q=" + Uri.EscapeDataString(text);

    private static List<string> Titles(IHtmlDocument page) =>
        page.QuerySelectorAll(".article-list .card-title a").Select(a => a.TextContent.Trim()).ToList();

    private static Dictionary<string, string> FacetCounts(IHtmlDocument page, string kind) =>
        page.QuerySelectorAll($".facet-list[data-kind={kind}] a.facet")
            .ToDictionary(a => a.QuerySelector(".facet-value")!.TextContent, a => a.QuerySelector(".facet-count")!.TextContent);

    [Fact]
    public async Task A_search_lists_matching_cards_with_marks_in_title_and_snippet()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var page = await Page(client, Q("模型"));

        var titles = Titles(page);
        Assert.Equal(4, titles.Count);
        Assert.DoesNotContain("影像诊断新进展", titles);
        Assert.Contains("国产大模型“诸神之战”出路何方", titles);
        foreach (var card in page.QuerySelectorAll(".article-list .card"))
        {
            // Only our own <mark> elements: the text's markup is shown as text.
            Assert.All(card.QuerySelectorAll(".card-title a *, .excerpt *"), e => Assert.Equal("MARK", e.TagName));
            Assert.All(card.QuerySelectorAll("mark"), m => Assert.Equal("模型", m.TextContent));
            Assert.NotEmpty(card.QuerySelectorAll(".excerpt mark"));
        }

        var hostile = page.QuerySelectorAll(".card").Single(c => c.QuerySelector(".card-title a")!.TextContent.Contains("标记", StringComparison.Ordinal));
        Assert.Equal("<b>标记</b> & 模型 <script>x</script>", hostile.QuerySelector(".card-title a")!.TextContent);
        Assert.Contains("<i>尖括号</i>", hostile.QuerySelector(".excerpt")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(".article-list script, .article-list b, .article-list i"));
        Assert.Equal("模型", page.QuerySelector("#site-search")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_result_opens_its_article_with_the_searched_terms_marked()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var page = await Page(client, Q("诸神之战"));

        var href = page.QuerySelector(".article-list .card-title a")!.GetAttribute("href")!;
        Assert.Matches(@"^/articles/[0-9a-f]+/[a-z0-9-]+\?q=%E8%AF%B8%E7%A5%9E%E4%B9%8B%E6%88%98$", href);
        var article = await Page(client, href);
        Assert.NotEmpty(article.QuerySelectorAll(".fulltext mark"));
        Assert.All(article.QuerySelectorAll(".fulltext mark"), m => Assert.Equal("诸神之战", m.TextContent));
        // The permalink people copy stays the plain one.
        Assert.DoesNotContain("?", article.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!);
    }

    [Fact]
    public async Task Search_and_filters_combine_and_facets_count_the_result()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var searched = await Page(client, Q("模型"));
        var industries = FacetCounts(searched, "industry");
        Assert.Equal("2", industries["医疗"]);
        Assert.Equal("2", industries["金融"]);
        Assert.Equal("2", industries["教育"]);

        var both = await Page(client, Q("模型") + "&industry=" + Uri.EscapeDataString("医疗"));

        Assert.Equal(["医疗大模型落地", "国产大模型“诸神之战”出路何方"], Titles(both).Order(StringComparer.Ordinal).ToList());
        Assert.Equal("2", FacetCounts(both, "industry")["医疗"]);
        Assert.Equal("1", FacetCounts(both, "industry")["教育"]);
        Assert.Equal("1", FacetCounts(both, "industry")["金融"]);
        Assert.False(FacetCounts(both, "tech").ContainsKey("机器学习"));
        Assert.Contains("2", both.QuerySelector(".result-count")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sort_switch_orders_by_relevance_or_newest()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var relevance = await Page(client, Q("大模型"));
        var newest = await Page(client, Q("大模型") + "&sort=newest");

        Assert.Equal("true", relevance.QuerySelector(".sort strong")!.GetAttribute("aria-current"));
        Assert.Equal(Q("大模型") + "&sort=newest", relevance.QuerySelector(".sort a")!.GetAttribute("href"));
        Assert.Equal(Q("大模型"), newest.QuerySelector(".sort a")!.GetAttribute("href"));
        Assert.Equal(["医疗大模型落地", "国产大模型“诸神之战”出路何方"], Titles(relevance).Order(StringComparer.Ordinal).ToList());
        // The seed has no date of its own, so it sorts at its ingestion time: newest.
        Assert.Equal(["国产大模型“诸神之战”出路何方", "医疗大模型落地"], Titles(newest));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"unbalanced 模型")]
    [InlineData("模型 AND OR NOT")]
    [InlineData("NEAR(模型 医疗)")]
    [InlineData("(模型")]
    [InlineData("模型)")]
    [InlineData("[模型]")]
    [InlineData("{模型}")]
    [InlineData("*")]
    [InlineData("**模型**")]
    [InlineData("^模型")]
    [InlineData("-模型")]
    [InlineData("+")]
    [InlineData("title:模型")]
    [InlineData("title : x")]
    [InlineData("'; DROP TABLE articles; --")]
    [InlineData("\" OR 1=1 --")]
    [InlineData("模型\u0000\u0001\u0007\u001b")]
    [InlineData("\u0000")]
    [InlineData("C# don't multi-agent")]
    [InlineData("。，、！")]
    public async Task Hostile_queries_give_a_page_never_an_error(string q)
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var response = await Get(client, Q(q));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("syntax error", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("fts5", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("no such column", html, StringComparison.OrdinalIgnoreCase);
        var page = await TestApp.ParseHtml(response);
        Assert.True(page.QuerySelectorAll(".article-list .card").Length > 0 || page.QuerySelector(".empty-state h2") is not null);

        var api = await client.GetAsync("/api/articles?q=" + Uri.EscapeDataString(q));
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.InRange(Total(await api.Content.ReadAsStringAsync()), 0, 5);
    }

    [Fact]
    public async Task An_empty_result_explains_what_works()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var page = await Page(client, Q("'; DROP TABLE articles; --"));

        Assert.Empty(Titles(page));
        Assert.NotNull(page.QuerySelector(".empty-state h2"));
        Assert.Contains("contam*", page.QuerySelector(".empty-state")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(5, (await Page(client, "/")).QuerySelectorAll(".article-list .card").Length);
    }

    [Fact]
    public async Task A_very_long_query_is_capped()
    {
        using var app = Corpus();
        var client = await app.StartAsync();
        var q = "模型 " + new string('x', 10_000);

        var response = await client.GetAsync(Q(q));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = Uri.UnescapeDataString(response.Headers.Location!.OriginalString);
        Assert.True(location.Length < 300, location);

        var page = await Page(client, Q(q));
        Assert.Equal(200, page.QuerySelector("#site-search")!.GetAttribute("value")!.Length);
        Assert.Equal("200", page.QuerySelector("#site-search")!.GetAttribute("maxlength"));

        var api = await client.GetAsync("/api/articles?q=" + Uri.EscapeDataString(q));
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task The_api_gives_plain_and_marked_snippets_for_a_search()
    {
        using var app = Corpus();
        var client = await app.StartAsync();

        var json = JsonDocument.Parse(await client.GetStringAsync("/api/articles?q=" + Uri.EscapeDataString("模型") + "&industry=" + Uri.EscapeDataString("教育"))).RootElement;

        Assert.Equal(2, json.GetProperty("total").GetInt32());
        foreach (var item in json.GetProperty("items").EnumerateArray())
        {
            var snippet = item.GetProperty("snippet").GetString()!;
            var snippetHtml = item.GetProperty("snippetHtml").GetString()!;
            Assert.DoesNotContain("<mark>", snippet, StringComparison.Ordinal);
            Assert.Contains("<mark>模型</mark>", snippetHtml, StringComparison.Ordinal);
        }

        var hostile = json.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("title").GetString()!.Contains("标记", StringComparison.Ordinal));
        Assert.Contains("<i>尖括号</i>", hostile.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        Assert.Contains("&lt;i&gt;尖括号&lt;/i&gt;", hostile.GetProperty("snippetHtml").GetString(), StringComparison.Ordinal);
        var industries = json.GetProperty("facets").GetProperty("industry").EnumerateArray()
            .ToDictionary(f => f.GetProperty("value").GetString()!, f => f.GetProperty("count").GetInt32());
        Assert.Equal(2, industries["教育"]);
        Assert.Equal(1, industries["金融"]);

        var plain = JsonDocument.Parse(await client.GetStringAsync("/api/articles")).RootElement;
        Assert.All(plain.GetProperty("items").EnumerateArray(), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("snippetHtml").ValueKind));
    }

    [Theory]
    [InlineData("模型")]
    [InlineData("chatgpt")]
    public async Task The_api_highlights_are_utf16_offsets_of_the_matches_in_the_snippet(string term)
    {
        using var app = Corpus()
            .WithFile("005_00000000000000c5.txt", Digests.Make(
                "🤖 ChatGPT agents", "教育", "ChatGPT", date: "2024-05-05",
                text: "🤖🤖 𠮷野家 said ChatGPT & chatgpt-4o <script>x</script> “引号” run on one 模型. Mostly unrelated text follows."))
            .WithFile("006_00000000000000c6.txt", Digests.Make("ChatGPT 模型专题", "教育", "ChatGPT", date: "2024-05-06", text: "正文不提那个词。", events: "1. **无关**：无关。"));
        var client = await app.StartAsync();

        var json = JsonDocument.Parse(await client.GetStringAsync("/api/articles?q=" + Uri.EscapeDataString(term))).RootElement;

        var items = json.GetProperty("items").EnumerateArray().ToList();
        Assert.True(items.Count >= 3, json.ToString());
        foreach (var item in items)
        {
            var snippet = item.GetProperty("snippet").GetString()!;
            var snippetHtml = item.GetProperty("snippetHtml").GetString()!;
            var highlights = item.GetProperty("highlights").EnumerateArray()
                .Select(h => (Start: h.GetProperty("start").GetInt32(), Length: h.GetProperty("length").GetInt32()))
                .ToList();

            // Offsets are string indexes into snippet, as a JavaScript client counts them.
            Assert.All(highlights, h => Assert.Equal(term, snippet.Substring(h.Start, h.Length), StringComparer.OrdinalIgnoreCase));
            Assert.Equal(Marks(snippetHtml), highlights);
            Assert.Equal(snippetHtml, ClientHtml(snippet, highlights));
        }

        var marked = items.Single(i => i.GetProperty("title").GetString() == "🤖 ChatGPT agents");
        Assert.NotEmpty(marked.GetProperty("highlights").EnumerateArray());
        var titleOnly = items.Single(i => i.GetProperty("title").GetString() == "ChatGPT 模型专题");
        Assert.Equal(JsonValueKind.Array, titleOnly.GetProperty("highlights").ValueKind);
        Assert.Empty(titleOnly.GetProperty("highlights").EnumerateArray());

        var plain = JsonDocument.Parse(await client.GetStringAsync("/api/articles")).RootElement;
        Assert.All(plain.GetProperty("items").EnumerateArray(), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("highlights").ValueKind));
    }

    /// <summary>Where snippetHtml's &lt;mark&gt; elements are in its text, as a browser parses it.</summary>
    private static List<(int Start, int Length)> Marks(string snippetHtml)
    {
        var body = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<body>" + snippetHtml).Body!;
        var marks = new List<(int Start, int Length)>();
        var offset = 0;
        foreach (var node in body.ChildNodes)
        {
            var length = node.TextContent.Length;
            if (node is AngleSharp.Dom.IElement { TagName: "MARK" })
            {
                marks.Add((offset, length));
            }

            offset += length;
        }

        return marks;
    }

    /// <summary>What a client builds from snippet and highlights: the text HTML-encoded, each highlight in &lt;mark&gt;.</summary>
    private static string ClientHtml(string snippet, List<(int Start, int Length)> highlights)
    {
        static string Encode(string text) => text
            .Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);

        var html = new System.Text.StringBuilder();
        var position = 0;
        foreach (var (start, length) in highlights)
        {
            html.Append(Encode(snippet[position..start])).Append("<mark>").Append(Encode(snippet.Substring(start, length))).Append("</mark>");
            position = start + length;
        }

        return html.Append(Encode(snippet[position..])).ToString();
    }

    private static int Total(string json) => JsonDocument.Parse(json).RootElement.GetProperty("total").GetInt32();
}
