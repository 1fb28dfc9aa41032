using NewsDigest.Core.Storage;
using NewsDigest.Core.Tests.Engines;
using NewsDigest.Core.Tests.Ingestion;

namespace NewsDigest.Core.Tests.Storage;

/// <summary>How ingestion writes tags: the order the file lists them, the first spelling seen,
/// and a changed file's tags replacing its old ones.</summary>
public abstract class ArticleTagWriteTests : IDisposable
{
    private readonly IngestionHarness _harness;

    protected ArticleTagWriteTests() => _harness = new(engine: RunsOnAttribute.EngineOf(GetType()));

    public void Dispose() => _harness.Dispose();

    [EngineFact]
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

    [EngineFact]
    public void A_changed_file_replaces_its_tags()
    {
        var path = _harness.Write("001_0000000000000001.txt", IngestionHarness.Digest("一", industries: "金融, 医疗"));
        _harness.Scan();
        File.WriteAllText(path, IngestionHarness.Digest("一", industries: "教育"));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        _harness.Scan();

        Assert.Equal(["教育"], _harness.Articles.Get("0000000000000001")!.Industries);
        Assert.DoesNotContain(_harness.Listing.Tags(TagKind.Industry), t => t.Value == "金融");
    }

    [EngineFact]
    public void A_tag_listed_twice_links_once_and_the_same_word_of_two_kinds_is_two_tags()
    {
        _harness.Write("001_0000000000000001.txt", IngestionHarness.Digest("一", industries: "医疗", technologies: "LLM, 大模型, llm", keywords: "医疗"));
        _harness.Scan();

        var article = _harness.Articles.Get("0000000000000001")!;
        Assert.Equal(["LLM", "大模型"], article.Technologies);
        Assert.Equal(["医疗"], article.Industries);
        Assert.Equal(["医疗"], article.Keywords);
        Assert.Equal(1, _harness.Listing.Tags(TagKind.Keyword).Single(t => t.Value == "医疗").Count);
    }

    [EngineFact]
    public void A_tag_dropped_by_one_scan_comes_back_in_the_next()
    {
        var path = _harness.Write("001_0000000000000001.txt", IngestionHarness.Digest("一", industries: "金融"));
        _harness.Scan();
        File.Delete(path);
        _harness.Scan();
        Assert.DoesNotContain(_harness.Listing.Tags(TagKind.Industry), t => t.Value == "金融");

        _harness.Write("002_0000000000000002.txt", IngestionHarness.Digest("二", industries: "金融"));
        _harness.Scan();

        Assert.Equal(["金融"], _harness.Articles.Get("0000000000000002")!.Industries);
        Assert.Equal(1, _harness.Listing.Tags(TagKind.Industry).Single(t => t.Value == "金融").Count);
    }

    /// <summary>The suite on SQLite.</summary>
    public sealed class OnSqlite : ArticleTagWriteTests;

    /// <summary>The suite on PostgreSQL.</summary>
    [RunsOn(StorageEngine.Postgres)]
    public sealed class OnPostgres : ArticleTagWriteTests;
}
