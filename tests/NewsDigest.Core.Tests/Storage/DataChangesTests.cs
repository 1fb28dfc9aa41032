using NewsDigest.Core.Storage;
using NewsDigest.Core.Tests.Engines;
using NewsDigest.Core.Tests.Ingestion;

namespace NewsDigest.Core.Tests.Storage;

/// <summary>What ingestion announces on <see cref="DataChanges"/>, and that what readers keep in
/// memory follows it (and only it) on each engine.</summary>
public abstract class DataChangesTests : IDisposable
{
    private readonly IngestionHarness _harness;

    private readonly List<DataChange> _announced = [];

    protected DataChangesTests()
    {
        _harness = new(engine: RunsOnAttribute.EngineOf(GetType()));
        _harness.Get<DataChanges>().Changed += _announced.Add;
    }

    public void Dispose() => _harness.Dispose();

    private long Version => _harness.Get<DataChanges>().Version;

    [EngineFact]
    public void A_scan_that_adds_articles_moves_the_version_and_one_that_changes_nothing_reports_only()
    {
        _harness.Write("001_00000000000000a1.txt", IngestionHarness.Digest("医疗大模型"));
        var before = Version;

        _harness.Scan();

        Assert.True(Version > before);
        Assert.Contains(_announced, c => c.HasFlag(DataChange.Articles));
        Assert.Equal(DataChange.Report, _announced[^1] & DataChange.Report);

        var after = Version;
        _announced.Clear();
        _harness.Scan();

        Assert.Equal(after, Version);
        Assert.Equal([DataChange.Report], _announced);
    }

    [EngineFact]
    public void A_removed_file_is_announced_as_a_change_of_articles()
    {
        var path = _harness.Write("001_00000000000000a1.txt", IngestionHarness.Digest("医疗大模型"));
        _harness.Scan();
        var before = Version;
        _announced.Clear();

        File.Delete(path);
        _harness.Scan();

        Assert.True(Version > before);
        Assert.Contains(_announced, c => c.HasFlag(DataChange.Articles));
        Assert.Empty(_harness.Listing.List(new ArticleFilter()).Items);
    }

    [EngineFact]
    public void Lists_and_searches_read_the_database_again_only_after_an_announced_change()
    {
        _harness.Write("001_00000000000000a1.txt", IngestionHarness.Digest("医疗大模型"));
        _harness.Scan();
        Assert.Single(_harness.Listing.List(new ArticleFilter()).Items);
        Assert.Single(_harness.Listing.List(new ArticleFilter { Query = "医疗" }).Items);

        // A row written behind ingestion's back (another process, today) is not seen until a
        // change is announced: nothing asks the database whether it changed.
        _harness.Execute("DELETE FROM articles");

        Assert.Equal(1, _harness.Listing.List(new ArticleFilter()).Total);
        Assert.Equal(1, _harness.Listing.List(new ArticleFilter { Query = "医疗" }).Total);

        _harness.Get<DataChanges>().Announce(DataChange.Articles);

        Assert.Equal(0, _harness.Listing.List(new ArticleFilter()).Total);
        Assert.Equal(0, _harness.Listing.List(new ArticleFilter { Query = "医疗" }).Total);
    }

    [EngineFact]
    public void A_report_alone_keeps_the_version()
    {
        var changes = new DataChanges();
        var seen = new List<DataChange>();
        changes.Changed += seen.Add;

        changes.Announce(DataChange.Report);
        changes.Announce(DataChange.Articles | DataChange.Report);

        Assert.Equal(1, changes.Version);
        Assert.Equal([DataChange.Report, DataChange.Articles | DataChange.Report], seen);
    }

    /// <summary>The suite on SQLite.</summary>
    public sealed class OnSqlite : DataChangesTests;

    /// <summary>The suite on PostgreSQL.</summary>
    [RunsOn(StorageEngine.Postgres)]
    public sealed class OnPostgres : DataChangesTests;
}
