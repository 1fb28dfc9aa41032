using System.Text;
using NewsDigest.Core.Parsing;

namespace NewsDigest.Core.Tests.Parsing;

public sealed class DigestParserSeedTests
{
    private static readonly DigestParser Parser = new(new DigestParserOptions());

    [Fact]
    public void The_real_seed_parses_to_exactly_its_fields()
    {
        var digest = Parser.Parse(ParsingTestData.SeedFileName, ParsingTestData.Bytes(ParsingTestData.SeedFileName));

        Assert.Equal("国产大模型“诸神之战”出路何方", digest.Title);
        Assert.Equal("https://baijiahao.baidu.com/s?id=1768447395834350836&wfr=spider&for=pc", digest.Link);
        Assert.Equal(["人工智能", "大模型", "国产化"], digest.Keywords);
        Assert.Equal(["ChatGPT", "面壁露卡", "清雁科技"], digest.Technologies);
        Assert.Equal(["教育", "金融", "医疗"], digest.Industries);
        Assert.StartsWith("5月26日，贵阳", digest.Text);
        Assert.EndsWith("（来源：中国青年报）举报/反馈", digest.Text);
        Assert.StartsWith("这篇文章主要讨论了", digest.EventsMarkdown);
        for (var point = 1; point <= 6; point++)
        {
            Assert.Contains($"\n{point}. **", digest.EventsMarkdown);
        }

        Assert.DoesNotContain("\n7. ", digest.EventsMarkdown);
        Assert.StartsWith("总的来说", digest.EventsMarkdown.Split('\n')[^1]);
        Assert.Null(digest.Date);
        Assert.Empty(digest.Warnings);
    }

    public static TheoryData<string, Func<string, byte[]>> SeedEncodings => new()
    {
        { "CRLF", text => Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n")) },
        { "lone CR", text => Encoding.UTF8.GetBytes(text.Replace("\n", "\r")) },
        { "BOM", text => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)] },
        { "BOM and CRLF", text => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n"))] },
        { "full-width colons", text => Encoding.UTF8.GetBytes(FullWidthLabelColons(text)) },
        { "space before colon", text => Encoding.UTF8.GetBytes(text.Replace("标题:", "标题 :").Replace("AI技术:", "AI技术\t:")) },
        { "indented labels", text => Encoding.UTF8.GetBytes(text.Replace("\n链接", "\n  链接").Replace("\n行业", "\n\u3000行业")) },
        { "lower-case ai技术", text => Encoding.UTF8.GetBytes(text.Replace("AI技术:", "ai技术:")) },
    };

    [Theory]
    [MemberData(nameof(SeedEncodings))]
    public void Seed_variants_in_encoding_and_layout_parse_to_the_same_digest(string variant, Func<string, byte[]> encode)
    {
        var original = Parser.Parse(ParsingTestData.SeedFileName, ParsingTestData.Bytes(ParsingTestData.SeedFileName));

        var digest = Parser.Parse(variant, encode(ParsingTestData.SeedText()));

        AssertSameFields(original, digest);
        Assert.Empty(digest.Warnings);
    }

    [Fact]
    public void Seed_fields_in_reverse_order_parse_to_the_same_digest()
    {
        var text = ParsingTestData.SeedText();
        var original = Parser.Parse(ParsingTestData.SeedFileName, text);
        var labelStarts = new[] { "标题:", "链接:", "总结:", "关键词:", "AI技术:", "行业:", "重大事件摘要:" }
            .Select(label => text.IndexOf(label, StringComparison.Ordinal))
            .Append(text.Length)
            .ToArray();
        var blocks = labelStarts.Zip(labelStarts.Skip(1), (start, end) => text[start..end].TrimEnd('\n'));

        var digest = Parser.Parse("reversed.txt", string.Join("\n", blocks.Reverse()));

        AssertSameFields(original, digest);
        Assert.Empty(digest.Warnings);
    }

    [Fact]
    public void An_english_language_digest_parses_with_its_chinese_labels()
    {
        var digest = Parser.Parse("english.txt", ParsingTestData.Bytes("english.txt"));

        Assert.Equal("OpenAI and Anthropic race to ship agentic models", digest.Title);
        Assert.Equal("https://example.com/news/agentic-models?id=42", digest.Link);
        Assert.Equal(new DateOnly(2025, 1, 20), digest.Date);
        Assert.Equal(["AI agents", "LLM", "pricing"], digest.Keywords);
        Assert.Equal(["GPT-4o", "Claude"], digest.Technologies);
        Assert.Equal(["Software", "Finance"], digest.Industries);
        Assert.EndsWith("Analysts: the pricing war has only begun.", digest.Text);
        Assert.Contains("3. **Outlook**", digest.EventsMarkdown);
        Assert.Empty(digest.Warnings);
    }

    private static void AssertSameFields(Digest expected, Digest actual)
    {
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.Link, actual.Link);
        Assert.Equal(expected.Text, actual.Text);
        Assert.Equal(expected.Keywords, actual.Keywords);
        Assert.Equal(expected.Technologies, actual.Technologies);
        Assert.Equal(expected.Industries, actual.Industries);
        Assert.Equal(expected.EventsMarkdown, actual.EventsMarkdown);
        Assert.Equal(expected.Date, actual.Date);
    }

    private static string FullWidthLabelColons(string text)
    {
        foreach (var label in new[] { "标题", "链接", "总结", "关键词", "AI技术", "行业", "重大事件摘要" })
        {
            text = text.Replace(label + ":", label + "：");
        }

        return text;
    }
}
