using NewsDigest.Core.Ingestion;
using NewsDigest.Core.Storage;
using NewsDigest.Core.Tests.Engines;
using NewsDigest.Tests.Shared;

namespace NewsDigest.Core.Tests.Ingestion;

/// <summary>
/// Every reason and warning ingestion writes is recognised as its own kind (the report counts and
/// filters by kind): a changed message that no pattern knows any more fails here, instead of
/// quietly turning into "other".
/// </summary>
public abstract class ReasonKindsTests : IDisposable
{
    private readonly IngestionHarness _harness;

    protected ReasonKindsTests() =>
        _harness = new(new Dictionary<string, string?> { ["NewsDigest:MaxFileBytes"] = "20000" }, RunsOnAttribute.EngineOf(GetType()));

    public void Dispose() => _harness.Dispose();

    [EngineFact]
    public void Each_reason_and_warning_ingestion_writes_is_counted_under_its_own_kind()
    {
        var good = IngestionHarness.Digest("好文章", link: "https://news.example.com/same");
        _harness.Write("001_00000000000000a1.txt", good);
        _harness.Write("sub/001_00000000000000a1.txt", IngestionHarness.Digest("同一个编号"));
        _harness.Write("no-title.txt", "总结: 没有标题\n");
        _harness.Write("empty-title.txt", "标题:\n总结: 标题是空的\n");
        _harness.Write("empty-file.txt", "  \n");
        _harness.WriteBytes("not-utf8.txt", [.. "标题: GBK "u8, 0xB1, 0xEA, 0xCC, 0xE2]);
        _harness.Write("binary.txt", "标题: \u0001\u0002");
        _harness.Write("too-large.txt", IngestionHarness.Digest("太大", text: new string('长', 8000)));
        _harness.Write("notes.md", "# 不是摘要");
        Directory.CreateDirectory(Path.Combine(_harness.SeedsPath, "folder"));
        File.CreateSymbolicLink(Path.Combine(_harness.SeedsPath, "folder-link.txt"), "folder");
        var outside = Path.Combine(Path.GetDirectoryName(_harness.SeedsPath)!, "outside.txt");
        File.WriteAllText(outside, good);
        File.CreateSymbolicLink(Path.Combine(_harness.SeedsPath, "link-outside.txt"), outside);
        _harness.Write("repeated.txt", "标题: 一\n标题: 二\n总结: 正文\n");
        _harness.Write("text-before.txt", "前言\n标题: 有前言的文章\n总结: 正文\n");
        _harness.Write("long-title.txt", $"标题: {new string('题', 600)}\n总结: 正文\n");
        _harness.Write("bad-link.txt", IngestionHarness.Digest("坏链接", link: "ftp://example.com/x"));
        _harness.Write("bad-date.txt", IngestionHarness.Digest("坏日期", date: "去年夏天"));
        _harness.Write("long-tags.txt", IngestionHarness.Digest("长标签", keywords: new string('词', 120)));
        _harness.Write("many-tags.txt", IngestionHarness.Digest("很多标签", keywords: string.Join(", ", Enumerable.Range(0, 210).Select(i => $"k{i}"))));
        _harness.Write("duplicate.txt", good.Replace("好文章", "转载的好文章", StringComparison.Ordinal));
        _harness.Write("unreadable/001_00000000000000b1.txt", IngestionHarness.Digest("文件夹会读不出来"));
        _harness.Write("002_00000000000000b2.txt", IngestionHarness.Digest("文件会读不出来"));
        _harness.Scan();
        LinkLoop.Break(_harness.SeedsPath, "unreadable");
        LinkLoop.Break(_harness.SeedsPath, "002_00000000000000b2.txt");

        _harness.Scan();

        var counts = _harness.SourceFiles.ReasonCounts().ToDictionary(r => r.Kind, r => r.Count);
        var others = new[] { ReasonKind.OtherRejection, ReasonKind.OtherUnreadable, ReasonKind.OtherWarning };
        Assert.Equal(ReasonKinds.All.Except(others), counts.Keys);
        // The loop that replaced the folder "unreadable" is itself a file, and not a .txt one.
        Assert.Equal(2, counts[ReasonKind.NotTxtFile]);
        Assert.All(counts.Where(c => c.Key != ReasonKind.NotTxtFile), c => Assert.Equal(1, c.Value));
        var dated = Assert.Single(_harness.SourceFiles.Files(new SourceFileQuery { Reason = ReasonKind.BadDate }).Items);
        Assert.Equal("bad-date.txt", dated.Path);
    }

    [EngineTheory]
    [InlineData("the file is 2.097.152 bytes, over the limit of 1.048.576 bytes (NewsDigest:MaxFileBytes)", FileProblemKind.Rejected, ReasonKind.TooLarge)]
    [InlineData("its article id 0000000000000001 is already used by the file is empty.txt", FileProblemKind.Rejected, ReasonKind.IdInUse)]
    [InlineData("line 3: the 链接 (link) \"the title is 600 characters long\" is not an absolute http:// or https:// address; the article is kept without a link.", FileProblemKind.Warning, ReasonKind.BadLink)]
    [InlineData("something a newer build says", FileProblemKind.Rejected, ReasonKind.OtherRejection)]
    [InlineData("the file is empty", FileProblemKind.Warning, ReasonKind.OtherWarning)]
    public void The_kind_follows_the_start_of_the_sentence_whatever_the_file_specific_parts_say(string reason, FileProblemKind group, ReasonKind kind) =>
        Assert.Equal(kind, ReasonKinds.Of(reason, group));

    /// <summary>The suite on SQLite.</summary>
    public sealed class OnSqlite : ReasonKindsTests;

    /// <summary>The suite on PostgreSQL.</summary>
    [RunsOn(StorageEngine.Postgres)]
    public sealed class OnPostgres : ReasonKindsTests;
}
