using NewsDigest.Core.Search;

namespace NewsDigest.Core.Tests.Search;

public sealed class SearchHighlighterTests
{
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
    public void Marks_terms_in_encoded_text(string text, string term, string expected)
    {
        Assert.Equal(expected, SearchHighlighter.Highlight(text, [term]));
    }

    [Theory]
    [InlineData("大模型发布", 1)]
    [InlineData("模型压缩 | 大型企业", 0)]
    [InlineData("ＧＰＴ-4 | 医疗", 1)]
    [InlineData("GPT-40 | said", 0)]
    [InlineData("大模型 vs GPT-4, GPT-4 again", 2)]
    public void Counter_tells_how_many_terms_are_there_by_the_same_rules(string text, int expected)
    {
        var count = SearchHighlighter.Counter(["大模型", "gpt-4"]);

        Assert.Equal(expected, count(text));
    }

    [Fact]
    public void Overlapping_and_adjacent_matches_become_one_mark()
    {
        Assert.Equal("<mark>大模型</mark>", SearchHighlighter.Highlight("大模型", ["大模", "模型"]));
        Assert.Equal("<mark>医疗AI</mark>很好", SearchHighlighter.Highlight("医疗AI很好", ["医疗", "ai"]));
    }

    [Fact]
    public void Chinese_is_not_entity_encoded()
    {
        var html = SearchHighlighter.Highlight("人工智能 & “引号”", []);

        Assert.Equal("人工智能 &amp; “引号”", html);
    }

    [Fact]
    public void Terms_from_a_query_highlight_what_it_finds()
    {
        var query = SearchQuery.Parse("GPT-4 医 c#");

        var html = SearchHighlighter.Highlight("用ＧＰＴ－４做医疗，C# 也行", query.Terms);

        Assert.Equal("用<mark>ＧＰＴ－４</mark>做<mark>医</mark>疗，<mark>C#</mark> 也行", html);
    }

    [Fact]
    public void Snippet_of_short_text_has_no_ellipsis()
    {
        Assert.Equal("大模型在<mark>医疗</mark>领域", SearchHighlighter.Snippet("大模型在医疗领域", ["医疗"]));
    }

    [Fact]
    public void Snippet_without_match_is_the_start_cut_at_a_word()
    {
        var text = "The quick brown fox jumps over the lazy dog";

        Assert.Equal("The quick brown…", SearchHighlighter.Snippet(text, ["cat"], maxChars: 17));
        Assert.Equal("&lt;b&gt;…", SearchHighlighter.Snippet("<b>" + new string('x', 50), [], maxChars: 3));
    }

    [Fact]
    public void Snippet_of_a_single_long_word_is_cut_inside_it()
    {
        Assert.Equal("aaaaa…", SearchHighlighter.Snippet(new string('a', 50), ["b"], maxChars: 5));
    }

    [Fact]
    public void Snippet_around_a_middle_match_has_ellipses_on_both_sides_and_whole_words()
    {
        var words = string.Join(' ', Enumerable.Range(0, 100).Select(i => $"word{i}"));
        var text = words + " benchmark contamination is real " + words;

        var snippet = SearchHighlighter.Snippet(text, ["contamination"], maxChars: 60);

        Assert.StartsWith("…", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
        Assert.Contains("benchmark <mark>contamination</mark> is real", snippet, StringComparison.Ordinal);
        var visible = snippet.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal).Trim('…');
        Assert.True(visible.Length <= 60, visible);
        Assert.Contains(" " + visible + " ", " " + text + " ", StringComparison.Ordinal);
    }

    [Fact]
    public void Snippet_prefers_the_place_where_most_terms_meet()
    {
        var filler = string.Concat(Enumerable.Repeat("今天天气很好。", 40));
        var text = "医疗开头。" + filler + "大模型用于医疗诊断。" + filler;

        var snippet = SearchHighlighter.Snippet(text, ["医疗", "大模型"], maxChars: 40);

        Assert.Contains("<mark>大模型</mark>用于<mark>医疗</mark>诊断", snippet, StringComparison.Ordinal);
        Assert.StartsWith("…", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Snippet_cuts_chinese_after_clause_punctuation()
    {
        var text = string.Concat(Enumerable.Repeat("今天天气很好，", 20)) + "模型发布了。" + string.Concat(Enumerable.Repeat("今天天气很好，", 20));

        var snippet = SearchHighlighter.Snippet(text, ["模型"], maxChars: 30);

        Assert.StartsWith("…今天", snippet, StringComparison.Ordinal);
        Assert.Contains("<mark>模型</mark>发布了。", snippet, StringComparison.Ordinal);
        Assert.EndsWith("，…", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Snippet_near_the_end_shows_the_end_without_trailing_ellipsis()
    {
        var text = string.Concat(Enumerable.Repeat("alpha beta ", 30)) + "final gamma";

        var snippet = SearchHighlighter.Snippet(text, ["gamma"], maxChars: 40);

        Assert.StartsWith("…", snippet, StringComparison.Ordinal);
        Assert.EndsWith("final <mark>gamma</mark>", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Snippet_encodes_before_marking()
    {
        var snippet = SearchHighlighter.Snippet("<img src=x onerror=alert(1)> GPT-4 rocks", ["gpt-4"]);

        Assert.Equal("&lt;img src=x onerror=alert(1)&gt; <mark>GPT-4</mark> rocks", snippet);
    }
}
