using NewsDigest.Core.Parsing;

namespace NewsDigest.Core.Tests.Parsing;

public sealed class DigestParserLinkTests
{
    private static readonly DigestParser Parser = new(new DigestParserOptions());

    [Theory]
    [InlineData("链接：ftp://example.com/news.txt")]
    [InlineData("链接：javascript:alert(1)")]
    [InlineData("链接：JaVaScRiPt:alert(1)")]
    [InlineData("链接：data:text/html,<b>x</b>")]
    [InlineData("链接：/news/2024/03/15.html")]
    [InlineData("链接：example.com/news")]
    [InlineData("链接：not a url")]
    [InlineData("链接：https://example.com/a b")]
    [InlineData("链接：https://example.com/\nhttps://example.org/")]
    [InlineData("链接：http://")]
    public void A_link_that_is_not_an_absolute_http_url_is_dropped_with_a_warning_and_the_article_kept(string linkLine)
    {
        var digest = Parser.Parse("link.txt", "标题：大模型\n总结：正文\n" + linkLine + "\n关键词：AI");

        Assert.Null(digest.Link);
        Assert.Equal("大模型", digest.Title);
        Assert.Equal("正文", digest.Text);
        Assert.Equal(["AI"], digest.Keywords);
        var warning = Assert.Single(digest.Warnings);
        Assert.Equal(3, warning.Line);
        Assert.Contains("链接 (link)", warning.Message);
    }

    [Theory]
    [InlineData("链接: https://example.com/a?b=1&c=2", "https://example.com/a?b=1&c=2")]
    [InlineData("链接：  http://example.com  ", "http://example.com")]
    [InlineData("链接 ：HTTPS://Example.com/新闻", "HTTPS://Example.com/新闻")]
    [InlineData("链接：https：//example.com/x", "https://example.com/x")]
    [InlineData("链接：http：//example.com", "http://example.com")]
    public void A_valid_link_is_kept_trimmed(string linkLine, string expected)
    {
        var digest = Parser.Parse("link.txt", "标题：大模型\n" + linkLine);

        Assert.Equal(expected, digest.Link);
        Assert.Empty(digest.Warnings);
    }

    [Fact]
    public void An_over_long_link_is_dropped_with_a_warning()
    {
        var digest = Parser.Parse("link.txt", "标题：大模型\n链接：https://example.com/" + new string('a', DigestParser.MaxLinkLength));

        Assert.Null(digest.Link);
        Assert.Equal(2, Assert.Single(digest.Warnings).Line);
    }
}
