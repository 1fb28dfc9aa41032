using NewsDigest.Core.Parsing;

namespace NewsDigest.Core.Tests.Parsing;

public sealed class TagListTests
{
    private static readonly FieldSpan Keywords = new(DigestLabel.All[3], 4, 0, 0);

    [Theory]
    [InlineData("人工智能, 大模型, 国产化", new[] { "人工智能", "大模型", "国产化" })]
    [InlineData("  ", new string[0])]
    [InlineData("、，;；,", new string[0])]
    [InlineData("ＧＰＴ，ｇｐｔ、GPT", new[] { "GPT" })]
    [InlineData("Large   Language\tModel", new[] { "Large Language Model" })]
    [InlineData("AI；ai；Ai；人工智能；人工智能", new[] { "AI", "人工智能" })]
    public void Tags_are_split_trimmed_normalised_and_deduplicated(string value, string[] expected)
    {
        var warnings = new List<DigestWarning>();

        Assert.Equal(expected, TagList.Read(value, Keywords, warnings));
        Assert.Empty(warnings);
    }
}
