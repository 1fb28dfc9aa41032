using NewsDigest.Core.Clustering;

namespace NewsDigest.Core.Tests.Clustering;

public sealed class StoryLinkTests
{
    [Theory]
    [InlineData("https://www.36kr.com/p/4087299859", "http://36KR.com/p/4087299859/")]
    [InlineData("https://www.36kr.com/p/4087299859", "https://www.36kr.com/p/4087299859#comments")]
    [InlineData("https://www.36kr.com/p/4087299859", "https://www.36kr.com/p/4087299859?utm_source=weibo&utm_medium=social")]
    [InlineData("https://www.36kr.com/p/4087299859", "https://www.36kr.com:443/p/4087299859")]
    [InlineData(
        "https://baijiahao.baidu.com/s?id=1768447395834350836&wfr=spider&for=pc",
        "https://baijiahao.baidu.com/s?id=1768447395834350836")]
    [InlineData("https://example.com/a?x=1&y=2", "https://example.com/a?y=2&x=1&fbclid=IwAR0abc")]
    [InlineData(
        "https://www.theverge.com/2024/10/29/67163565/inside-openais-push-into-biotech-with-gpt-4o",
        "https://theverge.com/2024/10/29/67163565/inside-openais-push-into-biotech-with-gpt-4o/?utm_source=newsletter#comments")]
    public void Links_that_differ_only_in_what_a_reader_never_sees_are_the_same(string a, string b) =>
        Assert.Equal(StoryLink.Normalize(a), StoryLink.Normalize(b));

    [Theory]
    [InlineData("https://www.36kr.com/p/4087299859", "https://www.36kr.com/p/4087299860")]
    [InlineData("https://baijiahao.baidu.com/s?id=1", "https://baijiahao.baidu.com/s?id=2")]
    [InlineData("https://example.com/Article", "https://example.com/article")]
    [InlineData("https://news.example.com/a", "https://example.com/a")]
    [InlineData("https://example.com:8080/a", "https://example.com/a")]
    public void Links_to_other_pages_stay_apart(string a, string b) =>
        Assert.NotEqual(StoryLink.Normalize(a), StoryLink.Normalize(b));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not a url")]
    [InlineData("/relative/path")]
    [InlineData("ftp://example.com/file")]
    public void No_usable_link_gives_no_key(string? link) => Assert.Null(StoryLink.Normalize(link));

    [Fact]
    public void The_key_is_host_path_and_sorted_parameters() =>
        Assert.Equal("example.com/news/1?b=2&id=7", StoryLink.Normalize("HTTPS://WWW.Example.com/news/1/?id=7&utm_campaign=x&b=2#top"));
}
