using NewsDigest.Core.Listing;
using NewsDigest.Core.Storage;
using NewsDigest.Core.Tests.Engines;
using NewsDigest.Core.Tests.Ingestion;
using NewsDigest.Samples;

namespace NewsDigest.Core.Tests.Search.Relevance;

/// <summary>
/// The fixed corpus of the relevance set, ingested once through the real stack: the real seed,
/// 40 generated digests (fixed seed, as noise that shares the vocabulary) and the hand-written
/// digests in TestData/Relevance, each made to match or to nearly match some query.
/// </summary>
public class RelevanceCorpus : IDisposable
{
    private const int GeneratorSeed = 2024;
    private const int GeneratedCount = 40;

    private readonly Lazy<IngestionHarness> _harness;

    public RelevanceCorpus()
        : this(StorageEngine.Sqlite)
    {
    }

    /// <summary>Ingests on first use: xunit makes the fixture of a class even when its tests are skipped.</summary>
    protected RelevanceCorpus(StorageEngine engine) => _harness = new(() => Ingest(engine));

    public ArticleListing Listing => _harness.Value.Listing;

    private static IngestionHarness Ingest(StorageEngine engine)
    {
        var harness = new IngestionHarness(engine: engine);
        harness.CopyRealSeed();
        foreach (var digest in new DigestGenerator(GeneratorSeed).Generate(GeneratedCount))
        {
            harness.WriteBytes(digest.FileName, digest.Content);
        }

        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "Relevance")))
        {
            harness.WriteBytes(Path.GetFileName(file), File.ReadAllBytes(file));
        }

        harness.Scan();
        return harness;
    }

    /// <summary>Titles of every result of a search, in relevance order.</summary>
    public List<string> Search(string query)
    {
        var titles = new List<string>();
        for (var page = 1; ; page++)
        {
            var result = Listing.List(new ArticleFilter { Query = query, Page = page, PageSize = ArticleFilter.MaxPageSize });
            titles.AddRange(result.Items.Select(i => i.Title));
            if (page >= result.PageCount)
            {
                return titles;
            }
        }
    }

    public void Dispose()
    {
        if (_harness.IsValueCreated)
        {
            _harness.Value.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}
