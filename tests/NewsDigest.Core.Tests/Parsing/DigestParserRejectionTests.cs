using System.Text;
using NewsDigest.Core.Parsing;

namespace NewsDigest.Core.Tests.Parsing;

public sealed class DigestParserRejectionTests
{
    private static readonly DigestParser Parser = new(new DigestParserOptions());

    public static TheoryData<string, byte[], int> RejectedFiles => new()
    {
        { "empty file", [], 0 },
        { "whitespace only", Encoding.UTF8.GetBytes(" \n\t\r\n\u3000 \n"), 0 },
        { "BOM only", [0xEF, 0xBB, 0xBF], 0 },
        { "BOM and blank lines", [0xEF, 0xBB, 0xBF, (byte)'\n', (byte)'\n'], 0 },
        { "binary with NUL", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], 1 },
        { "NUL on line 2", Encoding.UTF8.GetBytes("标题：大模型\n总结：正\0文"), 2 },
        { "escape character on line 3", Encoding.UTF8.GetBytes("标题：大模型\r\n总结：正文\r\n\u001b[31m"), 3 },
        { "invalid UTF-8 on line 3", [.. Encoding.UTF8.GetBytes("标题：大模型\n总结：正文\n关键词："), 0xC3, 0x28, (byte)'\n'], 3 },
        { "GBK bytes on line 3 after lone CRs", [.. Encoding.UTF8.GetBytes("标题：大模型\r总结：正文\r"), 0xD5, 0xFD, 0xCE, 0xC4], 3 },
        { "truncated UTF-8 at the end", [.. Encoding.UTF8.GetBytes("标题：大模型\n"), 0xE5, 0xA4], 2 },
        { "no title label", Encoding.UTF8.GetBytes("总结：正文\n关键词：AI\n"), 0 },
        { "title label in mid-line only", Encoding.UTF8.GetBytes("总结：这里有标题：但不在行首\n"), 0 },
        { "empty title", Encoding.UTF8.GetBytes("链接：https://example.com\n标题：  \n总结：正文"), 2 },
        { "title with only a full-width space", Encoding.UTF8.GetBytes("标题：\u3000\r\n\r\n总结：正文"), 1 },
    };

    [Theory]
    [MemberData(nameof(RejectedFiles))]
    public void Rejected_files_name_the_line_at_fault(string file, byte[] bytes, int line)
    {
        var error = Assert.Throws<DigestFormatException>(() => Parser.Parse(file, bytes));

        Assert.Equal(file, error.File);
        Assert.Equal(line, error.Line);
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n")]
    [InlineData("\uFEFF")]
    public void Empty_text_is_rejected_as_empty(string text)
    {
        var error = Assert.Throws<DigestFormatException>(() => Parser.Parse("empty.txt", text));

        Assert.Equal(0, error.Line);
        Assert.Contains("empty", error.Reason);
    }

    [Fact]
    public void A_missing_title_says_so_in_words_an_editor_understands()
    {
        var error = Assert.Throws<DigestFormatException>(() => Parser.Parse("a.txt", "总结：正文"));

        Assert.StartsWith("the file has no 标题 (title) field", error.Reason);
        Assert.Equal("a.txt:0: " + error.Reason, error.Message);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_rejected_before_reading_it()
    {
        var parser = new DigestParser(new DigestParserOptions { MaxBytes = 100 });
        var bytes = Encoding.UTF8.GetBytes("标题：大模型\n总结：" + new string('文', 40));

        var fromBytes = Assert.Throws<DigestFormatException>(() => parser.Parse("big.txt", bytes));
        var fromText = Assert.Throws<DigestFormatException>(() => parser.Parse("big.txt", Encoding.UTF8.GetString(bytes)));

        Assert.Equal(0, fromBytes.Line);
        Assert.Contains("limit of 100 bytes", fromBytes.Reason);
        Assert.Contains("NewsDigest:MaxFileBytes", fromBytes.Reason);
        Assert.Equal(fromBytes.Reason, fromText.Reason);
        Assert.Equal("大模型", parser.Parse("small.txt", "标题：大模型"u8).Title);
    }

    [Fact]
    public void An_unpaired_surrogate_in_text_is_rejected_on_its_line()
    {
        var error = Assert.Throws<DigestFormatException>(() => Parser.Parse("s.txt", "标题：大模型\n总结：\uD83D正文"));

        Assert.Equal(2, error.Line);
    }
}
