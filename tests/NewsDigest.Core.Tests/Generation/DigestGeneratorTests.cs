using System.Globalization;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using NewsDigest.Samples;

namespace NewsDigest.Core.Tests.Generation;

public sealed partial class DigestGeneratorTests
{
    // One shared sample: generating it once keeps the suite fast.
    private static readonly List<GeneratedDigest> Sample = new DigestGenerator(42).Generate(1000, malformedShare: 0.2).ToList();
    private static readonly List<GeneratedDigest> WellFormed = Sample.Where(digest => !digest.IsMalformed).ToList();

    [Fact]
    public void Same_seed_gives_identical_bytes_whatever_the_count()
    {
        var first = new DigestGenerator(7).Generate(50, 0.2).ToList();
        var second = new DigestGenerator(7).Generate(500, 0.2).Take(50).ToList();

        Assert.Equal(first.Select(digest => digest.FileName), second.Select(digest => digest.FileName));
        for (int i = 0; i < first.Count; i++)
        {
            Assert.Equal(first[i].Content, second[i].Content);
            Assert.Equal(first[i].IsMalformed, second[i].IsMalformed);
        }
    }

    [Fact]
    public void Different_seeds_give_different_names_and_content()
    {
        var one = new DigestGenerator(1).Generate(20).ToList();
        var two = new DigestGenerator(2).Generate(20).ToList();

        Assert.Empty(one.Select(digest => digest.FileName).Intersect(two.Select(digest => digest.FileName)));
        Assert.All(Enumerable.Range(0, 20), i => Assert.NotEqual(one[i].Content, two[i].Content));
    }

    [Fact]
    public void File_names_are_unique_and_look_like_the_real_ones()
    {
        var names = new DigestGenerator(3).Generate(5000).Select(digest => digest.FileName).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, name => Assert.Matches(FileNamePattern(), name));
        Assert.Equal("000", names[0][..3]);
        Assert.StartsWith("1234_", names[1234]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1000)]
    public void Generates_exactly_the_count_asked_for(int count) =>
        Assert.Equal(count, new DigestGenerator(5).Generate(count, 0.5).Count());

    [Fact]
    public void Generation_is_lazy()
    {
        // Would never finish if the files were built up front.
        var first = new DigestGenerator(5).Generate(int.MaxValue).Take(3).ToList();

        Assert.Equal(3, first.Count);
    }

    [Fact]
    public void Bad_arguments_fail_at_the_call_not_on_enumeration()
    {
        var generator = new DigestGenerator(5);

        Assert.Throws<ArgumentOutOfRangeException>(() => generator.Generate(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => generator.Generate(1, -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => generator.Generate(1, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => generator.Generate(1, double.NaN));
    }

    [Fact]
    public void No_malformed_files_when_the_share_is_zero() =>
        Assert.DoesNotContain(new DigestGenerator(9).Generate(1000), digest => digest.IsMalformed);

    [Fact]
    public void About_the_asked_share_of_files_is_malformed()
    {
        double share = Sample.Count(digest => digest.IsMalformed) / (double)Sample.Count;

        Assert.InRange(share, 0.16, 0.24);
    }

    [Fact]
    public void All_files_are_malformed_when_the_share_is_one() =>
        Assert.All(new DigestGenerator(9).Generate(100, 1), digest => Assert.True(digest.IsMalformed));

    [Fact]
    public void Malformed_files_are_really_broken()
    {
        var malformed = Sample.Where(digest => digest.IsMalformed).ToList();

        Assert.All(malformed, digest => Assert.True(IsBroken(digest.Content), digest.FileName));
        // Every kind of breakage shows up.
        Assert.Contains(malformed, digest => digest.Content.Length == 0);
        Assert.Contains(malformed, digest => digest.Content.Contains((byte)0));
        Assert.Contains(malformed, digest => !IsValidUtf8(digest.Content) && !digest.Content.Contains((byte)0));
        Assert.Contains(malformed, digest => IsValidUtf8(digest.Content) && digest.Content.Length > 1000);
        Assert.Contains(malformed, digest => IsValidUtf8(digest.Content) && digest.Content.Length is > 0 and < 200);
    }

    [Fact]
    public void Well_formed_files_are_valid_utf8_with_title_events_and_numbered_points()
    {
        Assert.All(WellFormed, digest =>
        {
            string text = DigestLines.Decode(digest.Content);
            Assert.False(string.IsNullOrWhiteSpace(DigestLines.Value(text, "标题")), digest.FileName);
            Assert.NotNull(DigestLines.Value(text, "重大事件摘要"));
            Assert.NotNull(DigestLines.Value(text, "总结"));
            Assert.True(DigestLines.HasNumberedPoint(text), digest.FileName);
        });
    }

    [Fact]
    public void Each_label_starts_at_most_one_line()
    {
        // A value line starting with a label would split the field for any parser.
        Assert.All(WellFormed, digest =>
        {
            var labels = DigestLines.LabelsInOrder(DigestLines.Decode(digest.Content));
            Assert.Equal(labels.Count, labels.Distinct().Count());
            Assert.False(labels.Contains("发布时间") && labels.Contains("日期"), digest.FileName);
        });
    }

    [Fact]
    public void Well_formed_files_have_seed_like_sizes()
    {
        double averageBytes = WellFormed.Average(digest => digest.Content.Length);

        Assert.InRange(averageBytes, 3 * 1024, 16 * 1024);
        Assert.True(WellFormed.Count(digest => digest.Content.Length is >= 4 * 1024 and <= 14 * 1024) > WellFormed.Count * 0.7);
    }

    [Fact]
    public void Links_are_absolute_http_urls_and_a_few_repeat()
    {
        var links = WellFormed
            .Select(digest => DigestLines.Value(DigestLines.Decode(digest.Content), "链接"))
            .OfType<string>()
            .ToList();

        Assert.All(links, link =>
            Assert.True(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https", link));
        int repeats = links.Count - links.Distinct().Count();
        Assert.InRange(repeats, 1, links.Count / 20);
        Assert.True(links.Count < WellFormed.Count, "some files have no link");
    }

    [Fact]
    public void Dates_use_both_formats_and_stay_in_range()
    {
        var texts = WellFormed.Select(digest => DigestLines.Decode(digest.Content)).ToList();
        var values = texts
            .Select(text => DigestLines.Value(text, "发布时间") ?? DigestLines.Value(text, "日期"))
            .ToList();

        var dates = values.OfType<string>().Select(ParseDate).ToList();
        Assert.All(dates, date => Assert.InRange(date, new DateOnly(2023, 1, 1), new DateOnly(2025, 12, 31)));
        Assert.Contains(values, value => value is not null && value.Contains('年'));
        Assert.Contains(values, value => value is not null && value.Contains('-'));
        Assert.InRange(values.Count(value => value is null), texts.Count / 20, texts.Count / 4);
        Assert.Contains(texts, text => DigestLines.Value(text, "发布时间") is not null);
        Assert.Contains(texts, text => DigestLines.Value(text, "日期") is not null);
    }

    [Fact]
    public void Formats_vary_like_real_files()
    {
        var texts = WellFormed.Select(digest => DigestLines.Decode(digest.Content)).ToList();

        AssertShare(WellFormed, digest => digest.Content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]), 0.05, 0.15);
        AssertShare(WellFormed, digest => digest.Content.AsSpan().IndexOf("\r\n"u8) >= 0, 0.10, 0.20);
        AssertShare(texts, text => text.StartsWith("标题：", StringComparison.Ordinal) || text.Contains("\n标题："), 0.14, 0.26);
        AssertShare(texts, text => DigestLines.LabelsInOrder(text)[0] != "标题", 0.08, 0.25);
        AssertShare(texts, text => IsEnglish(DigestLines.Value(text, "标题")!), 0.14, 0.26);
        AssertShare(texts, text => text.Contains("模型"), 0.75, 1);
        Assert.Contains(texts, text => DigestLines.Value(text, "行业")?.Contains('、') == true);
        Assert.Contains(texts, text => DigestLines.Value(text, "关键词") is null);
        Assert.Contains(texts, text => text.Contains("multi-agent") && text.Contains("C#"));
    }

    [Fact]
    public void Tags_have_a_long_tail()
    {
        var counts = WellFormed
            .Select(digest => DigestLines.Value(DigestLines.Decode(digest.Content), "行业"))
            .OfType<string>()
            .SelectMany(value => value.Split([',', '，', '、', ';', '；'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .GroupBy(tag => tag)
            .Select(group => group.Count())
            .OrderDescending()
            .ToList();

        Assert.True(counts[0] > WellFormed.Count / 5, "the most common industry is in many files");
        Assert.True(counts[^1] < WellFormed.Count / 100, "some industries are rare");
    }

    [Fact]
    public void Tag_lists_hold_one_to_five_values()
    {
        foreach (var text in WellFormed.Select(digest => DigestLines.Decode(digest.Content)))
        {
            foreach (string label in (string[])["关键词", "AI技术", "行业"])
            {
                string? value = DigestLines.Value(text, label);
                if (value is not null)
                {
                    int count = value.Split([',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries).Length;
                    Assert.InRange(count, 1, 5);
                }
            }
        }
    }

    [Fact]
    public void WriteTo_writes_exactly_count_files()
    {
        string folder = Path.Combine(Path.GetTempPath(), "digest-generator-" + Path.GetRandomFileName());
        try
        {
            int written = new DigestGenerator(11).WriteTo(folder, 25, 0.2);

            var files = Directory.GetFiles(folder);
            Assert.Equal(25, written);
            Assert.Equal(25, files.Length);
            var expected = new DigestGenerator(11).Generate(25, 0.2).ToList();
            Assert.All(expected, digest => Assert.Equal(digest.Content, File.ReadAllBytes(Path.Combine(folder, digest.FileName))));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static bool IsBroken(byte[] content)
    {
        if (content.Length == 0 || content.Contains((byte)0) || !IsValidUtf8(content))
        {
            return true;
        }

        return string.IsNullOrWhiteSpace(DigestLines.Value(DigestLines.Decode(content), "标题"));
    }

    private static bool IsValidUtf8(byte[] content) => Utf8.IsValid(content);

    private static bool IsEnglish(string title) => title.All(c => c < 0x80);

    private static DateOnly ParseDate(string value) =>
        value.Contains('年')
            ? DateOnly.ParseExact(value, "yyyy年M月d日", CultureInfo.InvariantCulture)
            : DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void AssertShare<T>(IReadOnlyCollection<T> items, Func<T, bool> predicate, double min, double max)
    {
        double share = items.Count(predicate) / (double)items.Count;
        Assert.InRange(share, min, max);
    }

    [GeneratedRegex(@"^\d{3,}_[0-9a-f]{16}\.txt$")]
    private static partial Regex FileNamePattern();
}
