using NewsDigest.Core.Search;
using NewsDigest.Core.Storage.Sqlite;

namespace NewsDigest.Core.Tests.Search;

public sealed class SearchQueryTests : IDisposable
{
    private static readonly string[] Documents =
    [
        "大模型在医疗领域的应用",                    // 1
        "医药公司与 OpenAI 合作",                    // 2
        "诸神之战：ChatGPT 与 Gemini",               // 3
        "GPT-4 在医疗影像中的表现",                  // 4
        "GPT 3 was released; version 4 came later", // 5
        "Contamination of benchmarks is a problem", // 6
        "A new C# library for .NET 10",             // 7
        "Plan C for the team",                      // 8
        "multi-agent systems for drug discovery",   // 9
        "discovery of a new drug",                  // 10
        "C++ performance tips",                     // 11
        "模型压缩技术",                               // 12
        "中国人工智能",                               // 13
        "Multi agent debate",                       // 14
        "我是中国人",                                 // 15
        "用ＧＰＴ－４做医疗",                           // 16
    ];

    private readonly InMemoryFtsTable _table = new();

    public SearchQueryTests()
    {
        for (var i = 0; i < Documents.Length; i++)
        {
            _table.Insert(i + 1, Documents[i]);
        }
    }

    public void Dispose() => _table.Dispose();

    [Theory]
    [InlineData("医", "\"医\" *", new long[] { 1, 2, 4, 16 })]
    [InlineData("医疗", "\"医疗\"", new long[] { 1, 4, 16 })]
    [InlineData("大模型", "\"大模 模型\"", new long[] { 1 })]
    [InlineData("模型", "\"模型\"", new long[] { 1, 12 })]
    [InlineData("型", "\"型\" *", new long[] { 1, 12 })]
    [InlineData("人", "\"人\" *", new long[] { 13, 15 })]
    [InlineData("中国人", "\"中国 国人\"", new long[] { 13, 15 })]
    [InlineData("诸神之战", "\"诸神 神之 之战\"", new long[] { 3 })]
    [InlineData("chatgpt", "\"chatgpt\"", new long[] { 3 })]
    [InlineData("ChatGPT", "\"chatgpt\"", new long[] { 3 })]
    [InlineData("contam*", "\"contam\" *", new long[] { 6 })]
    [InlineData("contam", "\"contam\"", new long[] { })]
    [InlineData("GPT-4", "\"gpt 4\"", new long[] { 4, 16 })]
    [InlineData("ＧＰＴ－４", "\"gpt 4\"", new long[] { 4, 16 })]
    [InlineData("C#", "\"csharp\"", new long[] { 7 })]
    [InlineData("c", "\"c\"", new long[] { 8 })]
    [InlineData("C++", "\"cplusplus\"", new long[] { 11 })]
    [InlineData(".NET", "\"dotnet\"", new long[] { 7 })]
    [InlineData("multi-agent", "\"multi agent\"", new long[] { 9, 14 })]
    [InlineData("\"drug discovery\"", "\"drug discovery\"", new long[] { 9 })]
    [InlineData("drug discovery", "\"drug\" \"discovery\"", new long[] { 9, 10 })]
    [InlineData("GPT-4 医疗", "\"gpt 4\" \"医疗\"", new long[] { 4, 16 })]
    [InlineData("GPT-4医疗", "\"gpt 4 医疗\"", new long[] { })]
    [InlineData("GPT-4做医", "\"gpt 4 做医\"", new long[] { 16 })]
    [InlineData("用GPT", "\"用 gpt\"", new long[] { 16 })]
    [InlineData("openai 医*", "\"openai\" \"医\" *", new long[] { 2 })]
    public void Translates_queries_that_find_exactly_the_expected_documents(string input, string expression, long[] expected)
    {
        var query = SearchQuery.Parse(input);

        Assert.Equal(expression, Fts5Query.Match(query));
        Assert.Equal(expected, _table.Match(Fts5Query.Match(query)!));
        Assert.Equal(expected, _table.Match(query));
    }

    [Theory]
    [InlineData("医疗", "\"医疗\"", null)]
    [InlineData("大模型", null, "\"大模型\"")]
    [InlineData("大模型*", null, "\"大模型\"")]
    [InlineData("人工智能", null, "\"人工智\" \"工智能\"")]
    [InlineData("哈哈哈哈", null, "\"哈哈哈\"")]
    [InlineData("医疗 大模型 GPT-4 中国人", "\"医疗\" \"gpt 4\"", "\"大模型\" \"中国人\"")]
    [InlineData("生成式AI", "\"生成 成式 式 ai\"", null)]
    [InlineData("“大模型 应用”", "\"大模 模型 型 应用\"", null)]
    [InlineData("医", null, "\"医\"")]
    [InlineData("医 药*", null, "\"医\" \"药\"")]
    [InlineData("c*", "\"c\"", null)]
    [InlineData("gpt-4*", "\"gpt 4\" *", null)]
    public void Looks_up_lone_chinese_characters_and_runs_of_three_or_more_in_the_grams_table(string input, string? words, string? grams)
    {
        var query = SearchQuery.Parse(input);

        Assert.Equal(words, Fts5Query.Words(query));
        Assert.Equal(grams, Fts5Query.Grams(query));
    }

    [Fact]
    public void A_longer_run_is_found_by_each_of_its_trigrams_so_it_matches_them_apart_too()
    {
        // 诸神之黄昏，精神之战 holds 诸神之 and 神之战 but not 诸神之战: the phrase misses it, the
        // trigram lookup finds it. The highlighter marks only the whole term, so nothing is marked.
        using var table = new InMemoryFtsTable();
        table.Insert(1, "诸神之战：ChatGPT 与 Gemini");
        table.Insert(2, "诸神之黄昏，精神之战");
        var query = SearchQuery.Parse("诸神之战");

        Assert.Equal([1], table.Match(Fts5Query.Match(query)!));
        Assert.Equal([1, 2], table.Match(query));
        Assert.Empty(SearchHighlighter.Highlight("诸神之黄昏，精神之战", query.Terms).Marks);
    }

    [Theory]
    [InlineData("大模型", "\"大模\" \"模型\"", true)]
    [InlineData("医疗", "\"医疗\"", false)]
    [InlineData("医", null, false)]
    [InlineData("contam*", "\"contam\" *", false)]
    [InlineData("GPT-4 医疗 gpt", "\"gpt\" \"4\" \"医疗\"", true)]
    [InlineData("openai 医*", "\"openai\"", false)]
    [InlineData("生成式AI “大模型 应用”", "\"生成\" \"成式\" \"ai\" \"大模\" \"模型\" \"应用\"", true)]
    public void Scores_with_the_tokens_of_every_term_anded_but_lone_chinese_characters(string input, string? scoreExpression, bool hasMultiTokenTerms)
    {
        var query = SearchQuery.Parse(input);

        Assert.Equal(scoreExpression, Fts5Query.Score(query));
        Assert.Equal(hasMultiTokenTerms, query.HasMultiTokenTerms);

        // Every document the query matches, the score expression matches too (it only drops positions).
        if (Fts5Query.Score(query) is { } score)
        {
            var scored = _table.Match(score);
            Assert.All(_table.Match(Fts5Query.Match(query)!), id => Assert.Contains(id, scored));
        }
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"\"")]
    [InlineData("*")]
    [InlineData("(((")]
    [InlineData("   \t\r\n ")]
    [InlineData("🤖🚀")]
    [InlineData("\0\u0001\u001b")]
    [InlineData("-")]
    [InlineData("")]
    [InlineData(null)]
    public void Input_with_nothing_searchable_is_empty(string? input)
    {
        var query = SearchQuery.Parse(input);

        Assert.True(query.IsEmpty);
        Assert.Null(Fts5Query.Match(query));
        Assert.Empty(query.Terms);
        Assert.Equal("", query.Normalized);
    }

    [Theory]
    [InlineData("title:x", "\"title x\"")]
    [InlineData("a AND OR NOT b", "\"a\" \"and\" \"or\" \"not\" \"b\"")]
    [InlineData("NEAR(a b)", "\"near a\" \"b\"")]
    [InlineData("^foo", "\"foo\"")]
    [InlineData("-foo +bar", "\"foo\" \"bar\"")]
    [InlineData("'; DROP TABLE articles; --", "\"drop\" \"table\" \"articles\"")]
    [InlineData("\"unbalanced quote", "\"unbalanced quote\"")]
    [InlineData("a\"b c\"d", "\"a\" \"b c\" \"d\"")]
    [InlineData("“大模型 应用”", "\"大模 模型 型 应用\"")]
    [InlineData("医疗 医疗 MEDICAL medical", "\"医疗\" \"medical\"")]
    [InlineData("a\u0000b\u0007c", "\"a\" \"b\" \"c\"")]
    [InlineData("🤖 agent", "\"agent\"")]
    public void Operators_typed_by_users_become_plain_words(string input, string expression)
    {
        var query = SearchQuery.Parse(input);

        Assert.Equal(expression, Fts5Query.Match(query));
        _table.Match(Fts5Query.Match(query)!);
    }

    [Fact]
    public void Long_input_is_capped_in_length_and_terms()
    {
        var input = string.Concat(Enumerable.Range(0, 2_000).Select(i => $"w{i} "));

        var query = SearchQuery.Parse(input);

        Assert.Equal(SearchQuery.MaxTerms, query.Terms.Count);
        Assert.Equal(["w0", "w1", "w2", "w3", "w4", "w5", "w6", "w7"], query.Terms);
        Assert.Empty(_table.Match(Fts5Query.Match(query)!));
    }

    [Fact]
    public void A_single_long_word_is_cut_at_the_length_cap()
    {
        var query = SearchQuery.Parse(new string('a', 10_000));

        Assert.Equal($"\"{new string('a', SearchQuery.MaxInputLength)}\"", Fts5Query.Match(query));
    }

    [Fact]
    public void Cutting_long_input_never_splits_a_surrogate_pair()
    {
        var query = SearchQuery.Parse(new string('a', SearchQuery.MaxInputLength - 1) + " 𠀀𠀀");

        Assert.Equal($"\"{new string('a', SearchQuery.MaxInputLength - 1)}\"", Fts5Query.Match(query));
    }

    [Theory]
    [InlineData("GPT-4 医疗", new[] { "gpt-4", "医疗" }, "gpt-4 医疗")]
    [InlineData("  ChatGPT   contam* ", new[] { "chatgpt", "contam*" }, "chatgpt contam*")]
    [InlineData("\"Drug   Discovery\" (C#) ^foo b)", new[] { "drug discovery", "c#", "foo", "b" }, "\"drug discovery\" (c#) ^foo b)")]
    [InlineData("\"drug disc*\"", new[] { "drug disc*" }, "\"drug disc*\"")]
    [InlineData("ＡＳＰ.ＮＥＴ .net C++", new[] { "asp.net", ".net", "c++" }, "asp.net .net c++")]
    public void Exposes_normalised_terms_and_a_canonical_form(string input, string[] terms, string normalized)
    {
        var query = SearchQuery.Parse(input);

        Assert.Equal(terms, query.Terms);
        Assert.Equal(normalized, query.Normalized);
        Assert.Equal(Fts5Query.Match(query), Fts5Query.Match(SearchQuery.Parse(query.Normalized)));
    }
}
