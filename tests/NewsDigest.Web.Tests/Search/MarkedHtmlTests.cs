using NewsDigest.Core.Search;
using NewsDigest.Web.Infrastructure;
using NewsDigest.Web.Tests.Infrastructure;

namespace NewsDigest.Web.Tests.Search;

/// <summary>
/// The HTML made from the highlighter's ranges is the HTML the portal has always served: every
/// expected string below is what the highlighter wrote as HTML itself before it returned ranges.
/// </summary>
public sealed class MarkedHtmlTests
{
    private const string English =
        "OpenAI has shared new details about how ChatGPT is being used in government, drawing wide attention across the industry. " +
        "OpenAI said ChatGPT already serves more than 40,000 business customers. Early customers in government report productivity " +
        "gains of up to 49% on document-heavy tasks. Not everyone is convinced. Tom Nguyen of Stanford University warned that " +
        "hallucinations remain a serious problem in high-stakes settings.";

    private const string Surrogates =
        "🤖🤖 agent 模型发布。𠮷野家 uses AI agents & <script>alert('x')</script> for contamination checks; 医疗AI很好。" +
        "Emoji 😀 before ChatGPT and chatgpt-4o, ＧＰＴ－４ wide.";

    [Theory]
    [InlineData("<script>alert('GPT-4')</script>", "gpt-4", "&lt;script&gt;alert(&#39;<mark>GPT-4</mark>&#39;)&lt;/script&gt;")]
    [InlineData("大模型在医疗领域的应用", "医疗", "大模型在<mark>医疗</mark>领域的应用")]
    [InlineData("ＧＰＴ-4 发布", "gpt-4", "<mark>ＧＰＴ-4</mark> 发布")]
    [InlineData("ChatGPT and chatgpt", "chatgpt", "<mark>ChatGPT</mark> and <mark>chatgpt</mark>")]
    [InlineData("He said AI", "ai", "He said <mark>AI</mark>")]
    [InlineData("用GPT做医疗", "gpt", "用<mark>GPT</mark>做医疗")]
    [InlineData("Contamination, contam and decontam", "contam*", "<mark>Contamination</mark>, <mark>contam</mark> and decontam")]
    [InlineData("C# and C and abc#", "c#", "<mark>C#</mark> and C and abc#")]
    [InlineData("ASP.NET on .NET 10", ".net", "ASP<mark>.NET</mark> on <mark>.NET</mark> 10")]
    [InlineData("AT&T &amp; co", "at&t", "<mark>AT&amp;T</mark> &amp;amp; co")]
    [InlineData("a <b> b", "<b>", "a <mark>&lt;b&gt;</mark> b")]
    [InlineData("drug\n  discovery", "drug discovery", "<mark>drug\n  discovery</mark>")]
    [InlineData("哈哈哈", "哈哈", "<mark>哈哈哈</mark>")]
    [InlineData("Café culture, cafe prices", "cafe", "<mark>Café</mark> culture, <mark>cafe</mark> prices")]
    [InlineData("Cafe Ñandú", "ñandu", "Cafe <mark>Ñandú</mark>")]
    [InlineData("nothing here", "absent", "nothing here")]
    [InlineData("", "x", "")]
    public void A_highlighted_term_renders_as_before(string text, string term, string expected)
    {
        Assert.Equal(expected, new MarkedHtml(SearchHighlighter.Highlight(text, [term])).ToString());
    }

    [Theory]
    [InlineData("国产大模型“诸神之战”出路何方", "大模型", "国产<mark>大模型</mark>“诸神之战”出路何方")]
    [InlineData("🤖 机器人与𠮷野家的模型 \"quotes\" & 'apos' <b>bold</b>", "𠮷野家 模型 quotes", "🤖 机器人与<mark>𠮷野家</mark>的<mark>模型</mark> &quot;<mark>quotes</mark>&quot; &amp; &#39;apos&#39; &lt;b&gt;bold&lt;/b&gt;")]
    [InlineData("Inside OpenAI's push into government with ChatGPT", "openai* government", "Inside <mark>OpenAI</mark>&#39;s push into <mark>government</mark> with ChatGPT")]
    [InlineData("人工智能 & “引号”", "", "人工智能 &amp; “引号”")]
    [InlineData("用ＧＰＴ－４做医疗，C# 也行", "GPT-4 医 c#", "用<mark>ＧＰＴ－４</mark>做<mark>医</mark>疗，<mark>C#</mark> 也行")]
    [InlineData("大模型", "大模 模型", "<mark>大模型</mark>")]
    [InlineData("医疗AI很好", "医疗 ai", "<mark>医疗AI</mark>很好")]
    [InlineData(Surrogates, "🤖 😀", "🤖🤖 agent 模型发布。𠮷野家 uses AI agents &amp; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; for contamination checks; 医疗AI很好。Emoji 😀 before ChatGPT and chatgpt-4o, ＧＰＴ－４ wide.")]
    public void A_highlighted_query_renders_as_before(string text, string query, string expected)
    {
        Assert.Equal(expected, new MarkedHtml(SearchHighlighter.Highlight(text, SearchQuery.Parse(query).Terms)).ToString());
    }

    [Theory]
    [InlineData("大模型", 160, "…一剑的人工智能<mark>大模型</mark>ChatGPT3横空出世，人们争相在社交媒体展示它那令人吃惊的能力，ChatGPT4更是“所向披靡”：作诗、写文案已不在话下，它甚至有了逻辑推理能力，还能自我纠错。那场著名会议的答案似乎已不言自明。前不久，在2023中国国际大数据产业博览会上，AI（人工智能）、<mark>大模型</mark>、ChatGPT、…")]
    [InlineData("人工智能 伦理", 160, "…如何开发出像人类一样能从经验中自主学习的计算机系统。这场会议被后人视为打响了<mark>人工智能</mark>研发的第一枪。60余年后，美国OpenAI公司八年磨一剑的<mark>人工智能</mark>大模型ChatGPT3横空出世，人们争相在社交媒体展示它那令人吃惊的能力，ChatGPT4更是“所向披靡”：作诗、写文案已不在话下，它甚至有了逻辑推理能力，…")]
    [InlineData("ChatGPT 数据", 160, "…还能自我纠错。那场著名会议的答案似乎已不言自明。前不久，在2023中国国际大<mark>数据</mark>产业博览会上，AI（人工智能）、大模型、<mark>ChatGPT</mark>、元宇宙等关键词频频出现。在以“人工智能”为主题的会场，人头攒动，听会的人从会场内排到了会议室门口，还不断有新来的人挤进来。在不同的会场和论坛上，…")]
    [InlineData("蛋白质*", 60, "…王明泰表示，<mark>蛋白质</mark>序列可达到十亿级以上，但目前能够找到的<mark>蛋白质</mark>功能数据少之又少，“中间有巨大的差距”。…")]
    [InlineData("医疗", 160, "5月26日，贵阳，小朋友在2023中国国际大数据产业博览会上体验数字手环。本文图片均由视觉中国提供5月27日，贵阳，小朋友和家人在2023中国国际大数据产业博览会上参观航拍器。5月26日，贵阳，小朋友在2023中国国际大数据产业博览会上与一款智能机器狗互动。5月27日，贵阳，市民在2023中国国际大数据产业博览会上体验…")]
    public void A_snippet_of_the_real_seed_renders_as_before(string query, int maxChars, string expected)
    {
        var text = File.ReadAllLines(TestApp.TestData("Seeds", "000_77fc480992936622.txt")).Single(l => l.StartsWith("总结: ", StringComparison.Ordinal))["总结: ".Length..];

        Assert.Equal(expected, new MarkedHtml(SearchHighlighter.Snippet(text, SearchQuery.Parse(query).Terms, maxChars)).ToString());
    }

    [Theory]
    [InlineData(English, "chatgpt government", 160, "…details about how <mark>ChatGPT</mark> is being used in <mark>government</mark>, drawing wide attention across the industry. OpenAI said <mark>ChatGPT</mark> already serves more than 40,000…")]
    [InlineData(English, "stanf*", 60, "…Tom Nguyen of <mark>Stanford</mark> University warned that…")]
    [InlineData(Surrogates, "agent* 𠮷野家", 20, "…<mark>agent</mark> 模型发布。<mark>𠮷野家</mark>…")]
    [InlineData(Surrogates, "chatgpt", 30, "…<mark>ChatGPT</mark> and <mark>chatgpt</mark>-4o,…")]
    [InlineData(Surrogates, "contam*", 40, "…for <mark>contamination</mark> checks; 医疗AI很好。…")]
    [InlineData(Surrogates, "😀", 7, "🤖🤖…")]
    [InlineData(Surrogates, "<script>", 25, "…<mark>script</mark>&gt;alert(&#39;x&#39;)&lt;/<mark>script</mark>…")]
    [InlineData("<img src=x onerror=alert(1)> GPT-4 rocks", "gpt-4", 160, "&lt;img src=x onerror=alert(1)&gt; <mark>GPT-4</mark> rocks")]
    [InlineData("<b>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "", 3, "&lt;b&gt;…")]
    [InlineData("The quick brown fox jumps over the lazy dog", "cat", 17, "The quick brown…")]
    [InlineData("x bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "bb*", 10, "…<mark>bbbbbbbbbb</mark>…")]
    public void A_snippet_renders_as_before(string text, string query, int maxChars, string expected)
    {
        Assert.Equal(expected, new MarkedHtml(SearchHighlighter.Snippet(text, SearchQuery.Parse(query).Terms, maxChars)).ToString());
    }

    [Fact]
    public void In_a_page_it_is_written_as_is_whatever_the_page_encoder()
    {
        using var writer = new StringWriter();

        new MarkedHtml(SearchHighlighter.Highlight("人工智能 <b>&</b>", ["人工智能"])).WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);

        Assert.Equal("<mark>人工智能</mark> &lt;b&gt;&amp;&lt;/b&gt;", writer.ToString());
    }
}
