using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NewsDigest.Core.Search;
using NewsDigest.Core.Storage.Sqlite;

namespace NewsDigest.Core.Tests.Search;

/// <summary>
/// Whatever a user types, parsing never throws and the expression never makes FTS5 fail, checked
/// against a real FTS5 table rather than our idea of its grammar.
/// </summary>
public sealed class SearchQueryProperties : IDisposable
{
    private readonly InMemoryFtsTable _table = new();

    public SearchQueryProperties()
    {
        _table.Insert(1, "大模型 GPT-4 C# multi-agent 医疗 drug discovery");
    }

    public void Dispose() => _table.Dispose();

    [Property(MaxTest = 300)]
    public void Any_string_gives_a_valid_expression(string? input) => AssertValid(input);

    [Property(MaxTest = 1_000, Arbitrary = [typeof(HostileInput)])]
    public void Hostile_input_gives_a_valid_expression(string input) => AssertValid(input);

    private void AssertValid(string? input)
    {
        var query = SearchQuery.Parse(input);

        Assert.Equal(query.IsEmpty, Fts5Query.Match(query) is null);
        if (Fts5Query.Match(query) is not null)
        {
            _table.Match(Fts5Query.Match(query)!);
            _table.Match(query);
            Assert.Equal(Fts5Query.Match(query), Fts5Query.Match(SearchQuery.Parse(query.Normalized)));
        }

        AssertWellFormed(SearchHighlighter.Snippet(input ?? "", query.Terms, maxChars: 20));
        AssertWellFormed(SearchHighlighter.Highlight(input ?? "", query.Terms));
    }

    /// <summary>Ranges a client can apply blindly: inside the text, sorted, non-empty, apart.</summary>
    private static void AssertWellFormed(HighlightedText highlighted)
    {
        var end = -1;
        foreach (var mark in highlighted.Marks)
        {
            Assert.True(mark.Length > 0 && mark.Start > end && mark.End <= highlighted.Text.Length, highlighted.ToString());
            end = mark.End;
        }
    }

    /// <summary>Strings built from FTS5 syntax, quotes, CJK, surrogates and control characters.</summary>
    public static class HostileInput
    {
        private static readonly string[] Fragments =
        [
            "\"", "\"\"", "*", " *", "AND", "OR", "NOT", "NEAR(", "NEAR/2", ")", "(", "^", ":", "-", "+", "title:",
            "{body}", " ", "\t", "\n", "医", "疗", "大模型", "GPT", "4", "C#", "C++", ".NET", "'", "--", ";",
            "🤖", "\0", "\u0007", "\uD800", "\uDC00", "\uFFFE", "＂", "“", "”", "ＧＰＴ", "x", "é", "\u0301", "ﬁ",
        ];

        public static Arbitrary<string> Strings() =>
            Gen.Elements(Fragments)
                .Or(ArbMap.Default.GeneratorFor<char>().Select(c => c.ToString()))
                .ListOf()
                .Select(parts => string.Concat(parts))
                .ToArbitrary();
    }
}
