using NewsDigest.Core.Search;

namespace NewsDigest.Core.Tests.Search;

/// <summary>What the highlighter marks, written in <see cref="MarkedNotation"/>: "He said [AI]" is the
/// text "He said AI" with "AI" marked. How marks become HTML is the web layer's (MarkedHtmlTests).</summary>
public sealed class SearchHighlighterTests
{
    [Theory]
    [InlineData("<script>alert('GPT-4')</script>", "gpt-4", "<script>alert('[GPT-4]')</script>")]
    [InlineData("大模型在医疗领域的应用", "医疗", "大模型在[医疗]领域的应用")]
    [InlineData("ＧＰＴ-4 发布", "gpt-4", "[ＧＰＴ-4] 发布")]
    [InlineData("ChatGPT and chatgpt", "chatgpt", "[ChatGPT] and [chatgpt]")]
    [InlineData("He said AI", "ai", "He said [AI]")]
    [InlineData("用GPT做医疗", "gpt", "用[GPT]做医疗")]
    [InlineData("Contamination, contam and decontam", "contam*", "[Contamination], [contam] and decontam")]
    [InlineData("C# and C and abc#", "c#", "[C#] and C and abc#")]
    [InlineData("ASP.NET on .NET 10", ".net", "ASP[.NET] on [.NET] 10")]
    [InlineData("AT&T &amp; co", "at&t", "[AT&T] &amp; co")]
    [InlineData("a <b> b", "<b>", "a [<b>] b")]
    [InlineData("drug\n  discovery", "drug discovery", "[drug\n  discovery]")]
    [InlineData("哈哈哈", "哈哈", "[哈哈哈]")]
    [InlineData("Café culture, cafe prices", "cafe", "[Café] culture, [cafe] prices")]
    [InlineData("Cafe Ñandú", "ñandu", "Cafe [Ñandú]")]
    [InlineData("nothing here", "absent", "nothing here")]
    [InlineData("", "x", "")]
    public void Marks_terms_in_the_text(string text, string term, string expected)
    {
        Assert.Equal(MarkedNotation.Parse(expected), SearchHighlighter.Highlight(text, [term]));
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
        Assert.Equal(MarkedNotation.Parse("[大模型]"), SearchHighlighter.Highlight("大模型", ["大模", "模型"]));
        Assert.Equal(MarkedNotation.Parse("[医疗AI]很好"), SearchHighlighter.Highlight("医疗AI很好", ["医疗", "ai"]));
    }

    [Fact]
    public void The_text_is_returned_as_it_is()
    {
        var text = "人工智能 & “引号” <b>";

        var highlighted = SearchHighlighter.Highlight(text, []);

        Assert.Same(text, highlighted.Text);
        Assert.Empty(highlighted.Marks);
    }

    [Fact]
    public void Ranges_count_utf16_code_units()
    {
        // 🤖 and 𠮷 are two code units each, as in a JavaScript string.
        var highlighted = SearchHighlighter.Highlight("🤖 𠮷野家的模型", ["𠮷野家", "模型"]);

        Assert.Equal([new MarkedRange(3, 4), new MarkedRange(8, 2)], highlighted.Marks);
        Assert.Equal("𠮷野家", highlighted.Text.Substring(3, 4));
    }

    [Fact]
    public void Terms_from_a_query_highlight_what_it_finds()
    {
        var query = SearchQuery.Parse("GPT-4 医 c#");

        var highlighted = SearchHighlighter.Highlight("用ＧＰＴ－４做医疗，C# 也行", query.Terms);

        Assert.Equal(MarkedNotation.Parse("用[ＧＰＴ－４]做[医]疗，[C#] 也行"), highlighted);
    }

    [Fact]
    public void Snippet_of_short_text_has_no_ellipsis()
    {
        Assert.Equal(MarkedNotation.Parse("大模型在[医疗]领域"), SearchHighlighter.Snippet("大模型在医疗领域", ["医疗"]));
    }

    [Fact]
    public void Snippet_without_match_is_the_start_cut_at_a_word()
    {
        var text = "The quick brown fox jumps over the lazy dog";

        Assert.Equal(MarkedNotation.Parse("The quick brown…"), SearchHighlighter.Snippet(text, ["cat"], maxChars: 17));
        Assert.Equal(MarkedNotation.Parse("<b>…"), SearchHighlighter.Snippet("<b>" + new string('x', 50), [], maxChars: 3));
    }

    [Fact]
    public void Snippet_of_a_single_long_word_is_cut_inside_it()
    {
        Assert.Equal(MarkedNotation.Parse("aaaaa…"), SearchHighlighter.Snippet(new string('a', 50), ["b"], maxChars: 5));
    }

    [Fact]
    public void Snippet_around_a_middle_match_has_ellipses_on_both_sides_and_whole_words()
    {
        var words = string.Join(' ', Enumerable.Range(0, 100).Select(i => $"word{i}"));
        var text = words + " benchmark contamination is real " + words;

        var snippet = SearchHighlighter.Snippet(text, ["contamination"], maxChars: 60);

        Assert.StartsWith("…", snippet.Text, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet.Text, StringComparison.Ordinal);
        Assert.Contains("benchmark [contamination] is real", MarkedNotation.Write(snippet), StringComparison.Ordinal);
        var visible = snippet.Text.Trim('…');
        Assert.True(visible.Length <= 60, visible);
        Assert.Contains(" " + visible + " ", " " + text + " ", StringComparison.Ordinal);
    }

    [Fact]
    public void Snippet_ranges_are_offsets_into_the_snippet_text_ellipsis_included()
    {
        var text = string.Concat(Enumerable.Repeat("alpha beta ", 30)) + "final gamma";

        var snippet = SearchHighlighter.Snippet(text, ["gamma"], maxChars: 40);

        var mark = Assert.Single(snippet.Marks);
        Assert.Equal(snippet.Text.Length - 5, mark.Start);
        Assert.Equal("gamma", snippet.Text.Substring(mark.Start, mark.Length));
    }

    [Fact]
    public void Snippet_prefers_the_place_where_most_terms_meet()
    {
        var filler = string.Concat(Enumerable.Repeat("今天天气很好。", 40));
        var text = "医疗开头。" + filler + "大模型用于医疗诊断。" + filler;

        var snippet = SearchHighlighter.Snippet(text, ["医疗", "大模型"], maxChars: 40);

        Assert.Contains("[大模型]用于[医疗]诊断", MarkedNotation.Write(snippet), StringComparison.Ordinal);
        Assert.StartsWith("…", snippet.Text, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Snippet_cuts_chinese_after_clause_punctuation()
    {
        var text = string.Concat(Enumerable.Repeat("今天天气很好，", 20)) + "模型发布了。" + string.Concat(Enumerable.Repeat("今天天气很好，", 20));

        var snippet = MarkedNotation.Write(SearchHighlighter.Snippet(text, ["模型"], maxChars: 30));

        Assert.StartsWith("…今天", snippet, StringComparison.Ordinal);
        Assert.Contains("[模型]发布了。", snippet, StringComparison.Ordinal);
        Assert.EndsWith("，…", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Snippet_near_the_end_shows_the_end_without_trailing_ellipsis()
    {
        var text = string.Concat(Enumerable.Repeat("alpha beta ", 30)) + "final gamma";

        var snippet = MarkedNotation.Write(SearchHighlighter.Snippet(text, ["gamma"], maxChars: 40));

        Assert.StartsWith("…", snippet, StringComparison.Ordinal);
        Assert.EndsWith("final [gamma]", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Snippet_keeps_markup_in_the_text_as_text()
    {
        var snippet = SearchHighlighter.Snippet("<img src=x onerror=alert(1)> GPT-4 rocks", ["gpt-4"]);

        Assert.Equal(MarkedNotation.Parse("<img src=x onerror=alert(1)> [GPT-4] rocks"), snippet);
    }

    [Fact]
    public void A_mark_cut_by_the_snippet_edge_keeps_the_part_inside()
    {
        // A prefix term marks the whole word, which here runs past the window's end.
        var text = "x " + new string('b', 30);

        var snippet = SearchHighlighter.Snippet(text, ["b*"], maxChars: 10);

        Assert.Equal(MarkedNotation.Parse("…[bbbbbbbbbb]…"), snippet);
    }
}
