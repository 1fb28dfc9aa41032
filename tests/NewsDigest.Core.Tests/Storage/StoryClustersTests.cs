using NewsDigest.Core.Storage;
using NewsDigest.Core.Tests.Engines;
using NewsDigest.Core.Tests.Ingestion;

namespace NewsDigest.Core.Tests.Storage;

/// <summary>Clusters as ingestion keeps them, on each engine: after adds, edits and deletes.</summary>
public abstract class StoryClustersTests : IDisposable
{
    // Story A: one quarter's results, three outlets (two share a link, one has a near-duplicate title).
    private const string A1 = "a000000000000001";
    private const string A2 = "a000000000000002";
    private const string A3 = "a000000000000003";

    // Story B: ERNIE 4.0 from two outlets on one day.
    private const string B1 = "b000000000000001";
    private const string B2 = "b000000000000002";

    // Alone: a template look-alike of B with other names.
    private const string C1 = "c000000000000001";

    private readonly IngestionHarness _harness;

    protected StoryClustersTests()
    {
        _harness = new(engine: RunsOnAttribute.EngineOf(GetType()));
        Write(A1, "OpenAI第一季度财报：AI业务收入同比增长55%", "https://www.36kr.com/p/4087299859", "2025-01-28", "医疗, 电商", "多模态, 智能体", "人工智能");
        Write(A2, "OpenAI公布一季度业绩", "http://36kr.com/p/4087299859/?utm_source=weibo", null, "金融", "大模型", "财报");
        Write(A3, "OpenAI一季度财报出炉：AI业务收入同比增长55%", "https://www.jiemian.com/article/12208841.html", "2025-01-29", "医疗, 电商", "多模态, 智能体", "人工智能, 商业化");
        Write(B1, "百度发布文心大模型4.0，称综合能力不逊于GPT-4", "https://www.thepaper.cn/newsDetail_forward_24960001", "2023-10-17", "科技", "文心一言, 大模型", "人工智能");
        Write(B2, "百度发布文心大模型4.0：综合能力不逊于GPT-4", "https://tech.sina.com.cn/i/2023-10-17/doc-imzrabcd.shtml", "2023-10-17", "科技", "文心一言, 大模型", "人工智能");
        Write(C1, "腾讯发布混元大模型2.0，称综合能力不逊于GPT-4", "https://www.huxiu.com/article/1.html", "2023-10-17", "金融", "混元大模型", "云计算");
        _harness.Scan();
    }

    private IStoryClusters Clusters => _harness.Get<IStoryClusters>();

    public void Dispose() => _harness.Dispose();

    [EngineFact]
    public void A_scan_stores_the_stories_of_the_corpus()
    {
        Assert.Equal([[A2, A3, A1], [B2, B1]], Stories());
        // Newest first: A2 is undated, so it dates from its ingestion, today.
        Assert.Equal([A2, A3], Clusters.OthersInStory(Seq(A1)).Select(m => m.Id));
        Assert.Empty(Clusters.OthersInStory(Seq(C1)));
    }

    [EngineFact]
    public void Pages_hold_the_stories_in_the_order_of_all_of_them()
    {
        var pages = Enumerable.Range(1, 3).Select(page => Clusters.Page(page, 1)).ToList();

        Assert.Equal(Stories(), pages.SelectMany(p => p.Clusters).Select(c => c.Members.Select(m => m.Id).ToList()).ToList());
        Assert.All(pages, p => Assert.Equal(2, p.Total));
        Assert.Equal(2, pages[0].PageCount);
        Assert.Empty(pages[2].Clusters);
    }

    [EngineFact]
    public void The_order_of_stories_follows_the_scans_that_change_it()
    {
        var before = Ids(Clusters.Page(1, 10));

        // B's articles move to a later date than any of A's: B becomes the newest story.
        Write(B1, "百度发布文心大模型4.0，称综合能力不逊于GPT-4", "https://www.thepaper.cn/newsDetail_forward_24960001", "2099-01-02", "科技", "文心一言, 大模型", "人工智能");
        Write(B2, "百度发布文心大模型4.0：综合能力不逊于GPT-4", "https://tech.sina.com.cn/i/2023-10-17/doc-imzrabcd.shtml", "2099-01-01", "科技", "文心一言, 大模型", "人工智能");
        _harness.Scan();
        var reordered = Ids(Clusters.Page(1, 10));
        File.Delete(Path(A3));
        File.Delete(Path(A2));
        _harness.Scan();
        var dissolved = Ids(Clusters.Page(1, 10));

        Assert.Equal([[A2, A3, A1], [B2, B1]], before);
        Assert.Equal([[B1, B2], [A2, A3, A1]], reordered);
        Assert.Equal([[B1, B2]], dissolved);
        Assert.Equal(1, Clusters.Page(1, 10).Total);
    }

    [EngineFact]
    public void Others_in_a_story_carry_what_the_article_page_shows()
    {
        var other = Assert.Single(Clusters.OthersInStory(Seq(B1)));

        Assert.Equal(B2, other.Id);
        Assert.Equal("百度发布文心大模型4.0：综合能力不逊于GPT-4", other.Title);
        Assert.Equal("tech.sina.com.cn", other.LinkHost);
        Assert.Equal("2023-10-17", other.Date);
        Assert.Equal($"000_{B2}.txt", other.SourceFile);
    }

    [EngineFact]
    public void Editing_an_article_so_it_diverges_takes_it_out_and_editing_it_back_puts_it_in()
    {
        Write(B2, "百度智能云发布千帆平台新版本", "https://tech.sina.com.cn/i/2023-10-20/doc-other.shtml", "2023-10-20", "科技", "千帆", "云计算");
        _harness.Scan();

        Assert.Equal([[A2, A3, A1]], Stories());
        Assert.Empty(Clusters.OthersInStory(Seq(B1)));

        Write(B2, "百度发布文心大模型4.0：综合能力不逊于GPT-4", "https://tech.sina.com.cn/i/2023-10-17/doc-imzrabcd.shtml", "2023-10-17", "科技", "文心一言, 大模型", "人工智能");
        _harness.Scan();

        Assert.Equal([[A2, A3, A1], [B2, B1]], Stories());
    }

    [EngineFact]
    public void Deleting_articles_shrinks_or_dissolves_their_story()
    {
        File.Delete(Path(A3));
        File.Delete(Path(B1));
        _harness.Scan();

        Assert.Equal([[A2, A1]], Stories());
        Assert.Empty(Clusters.OthersInStory(Seq(B2)));
    }

    [EngineFact]
    public void A_new_article_can_join_two_stories_into_one_through_a_shared_link()
    {
        Write("d000000000000001", "OpenAI与百度的一周", "https://www.thepaper.cn/newsDetail_forward_24960001", null, "科技", "大模型", "人工智能");
        File.WriteAllText(Path(A2), IngestionHarness.Digest("OpenAI公布一季度业绩", "金融", "大模型", "财报", link: "https://www.thepaper.cn/newsDetail_forward_24960001?from=timeline"));
        File.SetLastWriteTimeUtc(Path(A2), DateTime.UtcNow.AddMinutes(2));
        _harness.Scan();

        // A2 now shares B1's link, D1 too; A2 no longer shares A1's link, but A3 still joins A1 by
        // title. Stories and their articles are newest first; undated ones date from their ingestion.
        Assert.Equal([["d000000000000001", A2, B2, B1], [A3, A1]], Stories());
    }

    [EngineFact]
    public void A_rescan_that_changes_nothing_writes_nothing_and_raises_no_change()
    {
        var raised = false;
        _harness.Get<DataChanges>().Changed += change => raised |= change.HasFlag(DataChange.Articles);

        _harness.Scan();

        Assert.False(raised);
        Assert.Equal([[A2, A3, A1], [B2, B1]], Stories());
    }

    [EngineFact]
    public void The_first_scan_of_a_new_process_computes_clusters_a_database_lacks()
    {
        _harness.Execute("DELETE FROM story_clusters");

        using var restarted = new IngestionHarness(
            new Dictionary<string, string?>(_harness.StorageSettings) { ["NewsDigest:SeedsPath"] = _harness.SeedsPath });
        var raised = false;
        restarted.Get<DataChanges>().Changed += change => raised |= change.HasFlag(DataChange.Articles);

        var report = restarted.Scan();

        Assert.Equal(6, report.Run.Unchanged);
        Assert.True(raised);
        Assert.Equal(2, restarted.Get<IStoryClusters>().All().Count);
    }

    [EngineFact]
    public void A_collapsed_list_shows_one_entry_per_story_and_counts_stories()
    {
        var all = _harness.Listing.List(new ArticleFilter());
        var collapsed = _harness.Listing.List(new ArticleFilter { CollapseStories = true });

        Assert.Equal(6, all.Total);
        Assert.All(all.Items, i => Assert.Null(i.MoreCoverage));
        Assert.Equal(3, collapsed.Total);
        // Newest first; each story shows its newest article (A3 is dated 2025-01-29; A2 is undated and
        // so sorts by the day it was ingested, today, ahead of everything).
        Assert.Equal([(A2, 2), (C1, 0), (B2, 1)], collapsed.Items.Select(i => (i.Id, i.MoreCoverage!.Value)));
    }

    [EngineFact]
    public void Collapsed_facet_counts_count_a_story_once_and_match_the_collapsed_list_after_choosing_them()
    {
        var collapsed = _harness.Listing.List(new ArticleFilter { CollapseStories = true });
        var industries = collapsed.Facets[TagKind.Industry].ToDictionary(f => f.Value, f => f.Count);

        // 医疗 is on A1 and A3, one story; 科技 on B1, B2 (one story); 金融 on A2 (story A) and C1.
        Assert.Equal(1, industries["医疗"]);
        Assert.Equal(1, industries["科技"]);
        Assert.Equal(2, industries["金融"]);
        foreach (var (value, count) in industries)
        {
            Assert.Equal(count, _harness.Listing.List(new ArticleFilter { CollapseStories = true, Industries = [value] }).Total);
        }
    }

    [EngineFact]
    public void A_collapsed_filtered_list_shows_the_newest_article_of_the_story_that_matches()
    {
        var collapsed = _harness.Listing.List(new ArticleFilter { CollapseStories = true, Industries = ["医疗"] });

        var item = Assert.Single(collapsed.Items);
        Assert.Equal(A3, item.Id);
        Assert.Equal(2, item.MoreCoverage);
    }

    [EngineFact]
    public void A_collapsed_list_pages_over_stories()
    {
        var first = _harness.Listing.List(new ArticleFilter { CollapseStories = true, PageSize = 2 });
        var second = _harness.Listing.List(new ArticleFilter { CollapseStories = true, PageSize = 2, Page = 2 });

        Assert.Equal(2, first.PageCount);
        Assert.Equal([A2, C1], first.Items.Select(i => i.Id));
        Assert.Equal([B2], second.Items.Select(i => i.Id));
    }

    private static List<List<string>> Ids(StoryClusterPage page) =>
        page.Clusters.Select(c => c.Members.Select(m => m.Id).ToList()).ToList();

    private List<List<string>> Stories() =>
        Clusters.All().Select(c => c.Members.Select(m => m.Id).ToList()).ToList();

    private long Seq(string id) => _harness.Articles.Get(id)!.Seq;

    private string Path(string id) => System.IO.Path.Combine(_harness.SeedsPath, FileName(id));

    /// <summary>000_{id}.txt: the file name gives the article its id.</summary>
    private static string FileName(string id) => $"000_{id}.txt";

    private void Write(string id, string title, string link, string? date, string industries, string technologies, string keywords)
    {
        var path = Path(id);
        var existed = File.Exists(path);
        File.WriteAllText(path, IngestionHarness.Digest(title, industries, technologies, keywords, link, date));
        if (existed)
        {
            // Same size is possible: a new mtime makes the scan read it.
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        }
    }

    /// <summary>The suite on SQLite.</summary>
    public sealed class OnSqlite : StoryClustersTests;

    /// <summary>The suite on PostgreSQL.</summary>
    [RunsOn(StorageEngine.Postgres)]
    public sealed class OnPostgres : StoryClustersTests;
}
