using System.Text;
using NewsDigest.Core.Search;

namespace NewsDigest.Core.Tests.Search;

public sealed class SearchTextAnalyzerTests
{
    [Theory]
    [InlineData("我是中国人", "我是 是中 中国 国人 人")]
    [InlineData("人", "人")]
    [InlineData("大模型", "大模 模型 型")]
    [InlineData("我，你。他", "我 你 他")]
    [InlineData("用GPT-4做医疗", "用 gpt 4 做医 医疗 疗")]
    [InlineData("ＧＰＴ－４ｏ", "gpt 4o")]
    [InlineData("ChatGPT chatgpt CHATGPT", "chatgpt chatgpt chatgpt")]
    [InlineData("C# and C++ on .NET 10", "csharp and cplusplus on dotnet 10")]
    [InlineData("F# ASP.NET", "fsharp asp dotnet")]
    [InlineData("c#10 c #", "csharp 10 c")]
    [InlineData("abc# abc++ .network", "abc abc network")]
    [InlineData("multi-agent systems", "multi agent systems")]
    [InlineData("don't stop", "don t stop")]
    [InlineData("GPT-3.5 costs $1,000 in 2024", "gpt 3 5 costs 1 000 in 2024")]
    [InlineData("ＡＩ ２０２５年", "ai 2025 年")]
    [InlineData("Café naïve Ñandú", "cafe naive nandu")]
    [InlineData("Tiếng Việt", "tieng viet")]
    [InlineData("Ελληνικά Straße", "ελληνικά straße")]
    [InlineData("ひらがなカタカナ 한국어", "ひら らが がな なカ カタ タカ カナ ナ 한국 국어 어")]
    [InlineData("🚀 emoji 🤖", "emoji")]
    [InlineData("title:x AND (NEAR) \"q\" ^foo *", "title x and near q foo")]
    [InlineData("", "")]
    [InlineData("  \t\n ", "")]
    public void ToIndexText_emits_bigrams_and_words(string text, string expected)
    {
        Assert.Equal(expected, SearchTextAnalyzer.ToIndexText(text));
    }

    [Fact]
    public void Tokenize_matches_index_text()
    {
        Assert.Equal(["用", "gpt", "4", "做医", "医疗", "疗"], SearchTextAnalyzer.Tokenize("用GPT-4做医疗"));
        Assert.Empty(SearchTextAnalyzer.Tokenize("，。！"));
    }

    [Fact]
    public void Extension_ideographs_form_bigrams()
    {
        // 𠀀 is U+20000 (extension B): a surrogate pair that must stay whole inside a bigram.
        Assert.Equal("㐀𠀀 𠀀中 中", SearchTextAnalyzer.ToIndexText("㐀𠀀中"));
    }

    [Fact]
    public void Lone_surrogates_do_not_throw()
    {
        Assert.Equal("a b", SearchTextAnalyzer.ToIndexText("a\uD800b"));
        Assert.Equal("a", SearchTextAnalyzer.ToIndexText("a\uDC00"));
        Assert.Equal("a b", SearchTextAnalyzer.ToIndexText("a\uFFFEb\uFFFF"));
    }

    [Fact]
    public void Query_term_omits_trailing_character_of_a_run_that_reaches_its_end()
    {
        Assert.Equal(["医疗"], SearchTextAnalyzer.TokenizeQueryTerm("医疗"));
        Assert.Equal(["医"], SearchTextAnalyzer.TokenizeQueryTerm("医"));
        Assert.Equal(["医疗", "疗", "gpt"], SearchTextAnalyzer.TokenizeQueryTerm("医疗GPT"));
    }

    [Fact]
    public void Every_token_survives_the_tokenizer_whole()
    {
        // One row per block of 256 code points, each code point standing alone: FTS5 must store
        // exactly as many tokens as we emit (none split or dropped) and of the same lengths.
        using var table = new InMemoryFtsTable();
        var failures = new List<string>();
        for (var block = 0; block <= 0x10FF; block++)
        {
            var text = new StringBuilder();
            for (var c = block * 256; c < (block + 1) * 256; c++)
            {
                if (c is < 0xD800 or > 0xDFFF)
                {
                    text.Append(char.ConvertFromUtf32(c)).Append(' ');
                }
            }

            var expected = SearchTextAnalyzer.Tokenize(text.ToString());
            table.Insert(block + 1, text.ToString());
            var stored = table.StoredTokens(block + 1);

            // Keep the table small: fts5vocab scans the whole index on every read.
            table.Delete(block + 1);
            if (!expected.Select(RuneCount).SequenceEqual(stored.Select(RuneCount)))
            {
                var ours = expected.Except(stored).Select(t => $"U+{char.ConvertToUtf32(t, 0):X4}");
                failures.Add($"block U+{block * 256:X4}: {expected.Count} vs {stored.Count} tokens, e.g. {string.Join(",", ours)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Bigrams_and_special_names_survive_the_tokenizer_whole()
    {
        const string Text = "我是中国人 𠀀𠀁 한국어 ひらがな GPT-4 C# C++ F# .NET don't Café";
        using var table = new InMemoryFtsTable();
        table.Insert(1, Text);

        Assert.Equal(SearchTextAnalyzer.Tokenize(Text), table.StoredTokens(1));
    }

    private static int RuneCount(string token) => token.EnumerateRunes().Count();

    [Fact]
    public void Handles_a_large_article_quickly()
    {
        var paragraph = "OpenAI 发布了 GPT-5，在医疗、金融与法律领域的多智能体（multi-agent）评测中表现出色。";
        var article = string.Concat(Enumerable.Repeat(paragraph, 15_000 / paragraph.Length));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 100; i++)
        {
            SearchTextAnalyzer.ToIndexText(article);
        }

        // 100 articles of 15 KB: generous bound, catches accidental quadratic work.
        Assert.True(watch.ElapsedMilliseconds < 5_000, $"{watch.ElapsedMilliseconds} ms");
    }
}
