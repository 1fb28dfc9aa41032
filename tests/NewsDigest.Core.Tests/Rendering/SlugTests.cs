using NewsDigest.Core.Rendering;

namespace NewsDigest.Core.Tests.Rendering;

public sealed class SlugTests
{
    [Theory]
    [InlineData("国产大模型“诸神之战”出路何方", "guo-chan-da-mo-xing-zhu-shen-zhi-zhan-chu-lu-he-fang")]
    [InlineData("北京大学", "bei-jing-da-xue")]
    [InlineData("OpenAI releases GPT-5!", "openai-releases-gpt-5")]
    [InlineData("ChatGPT在中国的应用", "chatgpt-zai-zhong-guo-de-ying-yong")]
    [InlineData("2023中国国际大数据产业博览会", "2023-zhong-guo-guo-ji-da-shu-ju-chan-ye-bo-lan-hui")]
    [InlineData("Café au lait", "cafe-au-lait")]
    [InlineData("  --Hello,   World--  ", "hello-world")]
    [InlineData("🚀 Launch", "rocket-launch")]
    public void For_TransliteratesAndHyphenates(string title, string expected) =>
        Assert.Equal(expected, Slug.For(title));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("！？……“”")]
    [InlineData("---///???")]
    public void For_TitleWithoutLettersOrDigits_IsArticle(string title) =>
        Assert.Equal("article", Slug.For(title));

    [Fact]
    public void For_LongTitle_IsCutAtAWordBoundary()
    {
        var title = string.Concat(Enumerable.Repeat("人工智能大模型的未来发展方向与挑战", 5));

        var slug = Slug.For(title);

        Assert.InRange(slug.Length, 1, Slug.MaxLength);
        Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", slug);
        Assert.StartsWith("ren-gong-zhi-neng-da-mo-xing", slug);
    }

    [Fact]
    public void For_LongSingleWord_IsCutAtTheLimit() =>
        Assert.Equal(new string('a', Slug.MaxLength), Slug.For(new string('A', 100)));

    [Fact]
    public void For_IsOnlyLowerCaseAsciiLettersDigitsAndHyphens()
    {
        var slug = Slug.For("Ünïcødé — 日本語のテキスト & 한국어 <script>alert(1)</script>");

        Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", slug);
    }
}
