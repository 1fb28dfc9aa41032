using NewsDigest.Core.Rendering;

namespace NewsDigest.Core.Tests.Rendering;

public sealed class PlainTextTests
{
    private static readonly string Text = RenderingTestData.ArticleText;

    [Fact]
    public void Paragraphs_RealText_BreaksTheOneLineIntoReadableParagraphs()
    {
        var paragraphs = PlainText.Paragraphs(Text);

        Assert.DoesNotContain('\n', Text.TrimEnd());
        Assert.InRange(paragraphs.Count, 8, 25);
        Assert.All(paragraphs, p => Assert.InRange(p.Length, 60, 500));
        Assert.StartsWith("5月26日，贵阳，", paragraphs[0]);
        Assert.EndsWith("举报/反馈", paragraphs[^1]);
    }

    [Fact]
    public void Paragraphs_RealText_LosesNoCharacters() =>
        Assert.Equal(WithoutWhitespace(Text), WithoutWhitespace(string.Concat(PlainText.Paragraphs(Text))));

    [Fact]
    public void Paragraphs_RealText_BreaksOnlyAfterASentenceEnd()
    {
        var paragraphs = PlainText.Paragraphs(Text);

        Assert.All(paragraphs.SkipLast(1), p => Assert.Contains(p[^1], "。！？!?”’」』）)"));
    }

    [Fact]
    public void Paragraphs_KeepsClosingQuoteWithItsSentence()
    {
        var sentence = "他多次感叹：“它确实厉害！”";
        var text = sentence + new string('字', 250) + "。后文。";

        var paragraphs = PlainText.Paragraphs(text);

        Assert.Equal(sentence + new string('字', 250) + "。后文。", string.Concat(paragraphs));
        Assert.DoesNotContain(paragraphs, p => p.StartsWith('”'));
    }

    [Fact]
    public void Paragraphs_SplitsOnLineBreaksAndDropsBlankLines()
    {
        var paragraphs = PlainText.Paragraphs("第一段。\r\n\r\n  第二段。  \n\n\n第三段。\r\n");

        Assert.Equal(["第一段。", "第二段。", "第三段。"], paragraphs);
    }

    [Fact]
    public void Paragraphs_ShortTailJoinsThePreviousParagraph()
    {
        var text = new string('长', 210) + "。" + "短句。";

        Assert.Equal([text], PlainText.Paragraphs(text));
    }

    [Fact]
    public void Paragraphs_EmptyText_IsEmpty() => Assert.Empty(PlainText.Paragraphs(" \n\n "));

    [Fact]
    public void Excerpt_RealText_CutsAfterASentenceWithEllipsis()
    {
        var excerpt = PlainText.Excerpt(Text, 120);

        Assert.InRange(excerpt.Length, 60, 120);
        Assert.StartsWith("5月26日，贵阳，小朋友", excerpt);
        Assert.EndsWith("。…", excerpt);
    }

    [Fact]
    public void Excerpt_ShortText_IsUnchangedButOnOneLine()
    {
        Assert.Equal("短文。", PlainText.Excerpt("短文。", 120));
        Assert.Equal("第一行 第二行", PlainText.Excerpt("第一行\n\n第二行\n", 120));
    }

    [Fact]
    public void Excerpt_WithoutSentenceEnd_CutsAtAWordInEnglish()
    {
        var excerpt = PlainText.Excerpt("The quick brown fox jumps over the lazy dog again and again", 30);

        Assert.Equal("The quick brown fox jumps…", excerpt);
    }

    [Fact]
    public void Excerpt_WithoutSentenceEndOrSpace_CutsAtACharacter()
    {
        var excerpt = PlainText.Excerpt(new string('字', 100), 10);

        Assert.Equal(new string('字', 9) + "…", excerpt);
    }

    [Theory]
    [InlineData("😀")]
    [InlineData("👨‍👩‍👧")]
    [InlineData("e\u0301")]
    [InlineData("𠀋")]
    public void Excerpt_NeverSplitsACharacter(string character)
    {
        var text = string.Concat(Enumerable.Repeat(character, 50));

        for (var max = 2; max < 40; max++)
        {
            var excerpt = PlainText.Excerpt(text, max);
            var body = excerpt[..^1];

            Assert.True(excerpt.Length <= max, $"{excerpt.Length} > {max}");
            Assert.EndsWith("…", excerpt);
            Assert.Equal(0, body.Length % character.Length);
            Assert.StartsWith(body, text, StringComparison.Ordinal);
        }
    }

    private static string WithoutWhitespace(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));
}
