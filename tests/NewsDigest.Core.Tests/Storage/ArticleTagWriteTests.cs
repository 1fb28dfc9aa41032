using NewsDigest.Core.Storage;
using NewsDigest.Core.Tests.Ingestion;

namespace NewsDigest.Core.Tests.Storage;

/// <summary>How ingestion writes tags: the order the file lists them, the first spelling seen,
/// and a changed file's tags replacing its old ones.</summary>
public sealed class ArticleTagWriteTests : IDisposable
{
    private readonly IngestionHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Tags_keep_the_files_order_and_the_first_spelling_seen()
    {
        _harness.Write("001_0000000000000001.txt", IngestionHarness.Digest("一", industries: "金融, Finance", keywords: "LLM, 芯片, 人工智能"));
        _harness.Write("002_0000000000000002.txt", IngestionHarness.Digest("二", industries: "finance, 医疗", keywords: "llm"));
        _harness.Scan();

        var first = _harness.Articles.Get("0000000000000001")!;
        var second = _harness.Articles.Get("0000000000000002")!;

        Assert.Equal(["金融", "Finance"], first.Industries);
        Assert.Equal(["LLM", "芯片", "人工智能"], first.Keywords);
        Assert.Equal(["Finance", "医疗"], second.Industries);
        Assert.Equal(["LLM"], second.Keywords);
    }

    [Fact]
    public void A_changed_file_replaces_its_tags()
    {
        var path = _harness.Write("001_0000000000000001.txt", IngestionHarness.Digest("一", industries: "金融, 医疗"));
        _harness.Scan();
        File.WriteAllText(path, IngestionHarness.Digest("一", industries: "教育"));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        _harness.Scan();

        Assert.Equal(["教育"], _harness.Articles.Get("0000000000000001")!.Industries);
        Assert.DoesNotContain(_harness.Articles.Tags(TagKind.Industry), t => t.Value == "金融");
    }
}
