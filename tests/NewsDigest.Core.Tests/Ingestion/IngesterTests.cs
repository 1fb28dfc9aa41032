using System.Security.Cryptography;
using NewsDigest.Core.Storage;
using NewsDigest.Core.Tests.Engines;

namespace NewsDigest.Core.Tests.Ingestion;

public abstract class IngesterTests : IDisposable
{
    private readonly IngestionHarness _harness;

    protected IngesterTests() => _harness = new(engine: RunsOnAttribute.EngineOf(GetType()));

    public void Dispose() => _harness.Dispose();

    [EngineFact]
    public void Real_seed_is_ingested_with_its_hex_id_and_fields()
    {
        _harness.CopyRealSeed();

        var report = _harness.Scan();

        Assert.Equal(1, report.Run.Added);
        Assert.Equal(0, report.Run.Rejected);
        var article = _harness.Articles.Get("77fc480992936622");
        Assert.NotNull(article);
        Assert.Equal("国产大模型“诸神之战”出路何方", article.Title);
        Assert.Equal(["教育", "金融", "医疗"], article.Industries);
        Assert.Equal(["ChatGPT", "面壁露卡", "清雁科技"], article.Technologies);
        Assert.Equal(["人工智能", "大模型", "国产化"], article.Keywords);
        Assert.Equal("baijiahao.baidu.com", article.LinkHost);
        Assert.Equal(6, article.EventCount);
        Assert.Equal("zh", article.Language);
        Assert.Equal("000_77fc480992936622.txt", article.SourceFile);
    }

    [EngineFact]
    public void What_the_article_page_derives_from_the_events_comes_back_from_the_database()
    {
        _harness.CopyRealSeed();
        _harness.Write("001_0000000000000001.txt", IngestionHarness.Digest("第三点起", events: "3. **丙**：说明。\n4. **丁**：说明。"));

        _harness.Scan();

        var seed = _harness.Articles.Get("77fc480992936622")!;
        Assert.Equal([1, 2, 3, 4, 5, 6], seed.EventAnchors);
        Assert.StartsWith("这篇文章主要讨论了中国在人工智能大模型领域", seed.EventsText);
        Assert.DoesNotContain("#", seed.EventsText);
        var fromThree = _harness.Articles.Get("0000000000000001")!;
        Assert.Equal([3, 4], fromThree.EventAnchors);
        Assert.Equal("文章讨论了以下事件： 丙：说明。 丁：说明。", fromThree.EventsText);
        Assert.Equal([3, 4], _harness.Articles.GetMany(["0000000000000001"]).Single().EventAnchors);
    }

    [EngineFact]
    public void Ids_survive_deleting_the_database_and_ingesting_again()
    {
        _harness.CopyRealSeed();
        _harness.Write("notes/今日要闻.txt", IngestionHarness.Digest("今日要闻"));
        _harness.Write("English story.txt", IngestionHarness.Digest("OpenAI ships a new model"));
        _harness.Scan();
        var before = _harness.Listing.List(new ArticleFilter { PageSize = 100 }).Items.Select(i => (i.Id, i.Title)).Order().ToList();

        // SQLite's file goes; on PostgreSQL the next harness gets a database of its own anyway.
        if (File.Exists(_harness.DatabasePath))
        {
            File.Delete(_harness.DatabasePath);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        using var again = new IngestionHarness(new Dictionary<string, string?> { ["NewsDigest:SeedsPath"] = _harness.SeedsPath }, _harness.Engine);
        again.Scan();
        var after = again.Listing.List(new ArticleFilter { PageSize = 100 }).Items.Select(i => (i.Id, i.Title)).Order().ToList();

        Assert.Equal(3, before.Count);
        Assert.Equal(before, after);
        Assert.Contains(before, a => a.Id == "77fc480992936622");
        Assert.All(before, a => Assert.Matches("^[0-9a-f]{16}$", a.Id));
    }

    [EngineFact]
    public void Editing_a_file_updates_the_article_in_place_and_keeps_its_id()
    {
        var path = _harness.Write("001_aaaaaaaabbbbbbbb.txt", IngestionHarness.Digest("旧标题"));
        _harness.Scan();
        var first = _harness.Articles.Get("aaaaaaaabbbbbbbb")!;

        File.WriteAllText(path, IngestionHarness.Digest("新标题", industries: "金融"));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        var report = _harness.Scan();

        Assert.Equal(1, report.Run.Updated);
        Assert.Equal(0, report.Run.Added);
        var second = _harness.Articles.Get("aaaaaaaabbbbbbbb")!;
        Assert.Equal("新标题", second.Title);
        Assert.Equal(["金融"], second.Industries);
        Assert.Equal(first.Seq, second.Seq);
        Assert.Equal(first.IngestedAt, second.IngestedAt);
        Assert.DoesNotContain(_harness.Listing.Tags(TagKind.Industry), t => t.Value == "医疗");
    }

    [EngineFact]
    public void Editing_many_files_in_one_scan_replaces_every_search_entry()
    {
        var paths = Enumerable.Range(1, 5)
            .Select(i => _harness.Write($"00{i}_file.txt", IngestionHarness.Digest($"标题{i}", text: "这篇文章讨论量子计算的进展。")))
            .ToList();
        _harness.Scan();
        Assert.Equal(5, Search("量子").Total);

        foreach (var path in paths)
        {
            File.WriteAllText(path, IngestionHarness.Digest(Path.GetFileNameWithoutExtension(path), text: "这篇文章改为讨论联邦学习。"));
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        }

        var report = _harness.Scan();

        Assert.Equal(5, report.Run.Updated);
        Assert.Equal(0, Search("量子").Total);
        Assert.Equal(5, Search("联邦学习").Total);
        Assert.Equal(5, CountRows("SELECT count(*) FROM article_search"));
    }

    [EngineFact]
    public async Task A_scan_cancelled_midway_leaves_whole_files_only_and_the_next_scan_finishes_the_job()
    {
        for (var i = 0; i < 40; i++)
        {
            _harness.Write($"{i:D3}_file.txt", IngestionHarness.Digest($"第{i}篇", text: $"关于芯片的第{i}篇文章。"));
        }

        using var stop = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _harness.Ingester.ScanAsync(new CancelAfter(10, stop), stop.Token));

        // Whatever was committed is whole: an article, its tags, its search entry and its file's record.
        var articles = CountRows("SELECT count(*) FROM articles");
        Assert.Equal(articles, CountRows("SELECT count(*) FROM article_search"));
        Assert.Equal(articles, CountRows("SELECT count(*) FROM source_files WHERE status = 'added'"));
        Assert.Equal(articles, CountRows("SELECT count(DISTINCT article_seq) FROM article_tags"));

        var report = _harness.Scan();

        Assert.Equal(40 - articles, report.Run.Added);
        Assert.Equal(40, _harness.Articles.Count());
        Assert.Equal(40, Search("芯片").Total);
        Assert.Equal(40, CountRows("SELECT count(*) FROM article_search"));
    }

    [EngineFact]
    public void Unchanged_rescan_reads_nothing_and_reports_unchanged()
    {
        _harness.CopyRealSeed();
        _harness.Write("a.txt", IngestionHarness.Digest("甲"));
        _harness.Scan();

        var report = _harness.Scan();

        Assert.Equal(2, report.Run.Unchanged);
        Assert.Equal(0, report.Run.Added + report.Run.Updated + report.Run.Removed + report.Run.Rejected);
        Assert.All(_harness.Files(), f => Assert.Equal(SourceFileStatus.Unchanged, f.Status));
    }

    [EngineFact]
    public void Touching_a_file_without_changing_its_content_is_unchanged()
    {
        var path = _harness.Write("a.txt", IngestionHarness.Digest("甲"));
        _harness.Scan();
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(5));

        var report = _harness.Scan();

        Assert.Equal(1, report.Run.Unchanged);
        Assert.Equal(0, report.Run.Updated);
    }

    [EngineFact]
    public void Deleting_a_file_removes_its_article_and_reports_it_once()
    {
        var path = _harness.Write("a.txt", IngestionHarness.Digest("甲"));
        _harness.Write("b.txt", IngestionHarness.Digest("乙"));
        _harness.Scan();
        File.Delete(path);

        var report = _harness.Scan();

        Assert.Equal(1, report.Run.Removed);
        Assert.Equal(1, _harness.Articles.Count());
        Assert.Contains(_harness.Files(), f => f.Path == "a.txt" && f.Status == SourceFileStatus.Removed);

        _harness.Scan();
        Assert.DoesNotContain(_harness.Files(), f => f.Path == "a.txt");
    }

    [EngineFact]
    public void Bad_files_are_reported_with_reason_and_line_and_the_rest_goes_on()
    {
        _harness.CopyRealSeed();
        _harness.Write("no-title.txt", "链接: https://example.com/x\n总结: 没有标题的文章\n");
        _harness.WriteBytes("empty.txt", []);
        _harness.WriteBytes("binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01]);
        _harness.Write("readme.md", "# not a digest");
        _harness.Write(".hidden.txt", "ignored editor file");
        _harness.Write("good.txt", IngestionHarness.Digest("好文章"));

        var report = _harness.Scan();

        Assert.Equal(2, report.Run.Added);
        Assert.Equal(4, report.Run.Rejected);
        var files = _harness.Files().ToDictionary(f => f.Path);
        Assert.Equal(6, files.Count);
        Assert.All(new[] { "no-title.txt", "empty.txt", "binary.txt", "readme.md" }, name =>
        {
            Assert.Equal(SourceFileStatus.Rejected, files[name].Status);
            Assert.False(string.IsNullOrWhiteSpace(files[name].Reason));
        });
        Assert.Contains("标题", files["no-title.txt"].Reason);
        Assert.Contains(".txt", files["readme.md"].Reason);
        Assert.DoesNotContain(".hidden.txt", files.Keys);
        Assert.Equal(4, report.Rejected.Count());
    }

    [EngineFact]
    public void A_rejected_file_is_tried_again_only_when_it_changes()
    {
        var path = _harness.Write("a.txt", "总结: 没有标题\n");
        _harness.Scan();

        var again = _harness.Scan();
        Assert.Equal(1, again.Run.Rejected);
        Assert.Equal(SourceFileStatus.Rejected, _harness.Files().Single().Status);

        File.WriteAllText(path, IngestionHarness.Digest("补上标题"));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        var fixedRun = _harness.Scan();
        Assert.Equal(1, fixedRun.Run.Added);
        Assert.Equal(0, fixedRun.Run.Rejected);
    }

    [EngineFact]
    public void A_file_that_breaks_after_it_was_taken_keeps_its_last_good_article()
    {
        var path = _harness.Write("001_1234567890abcdef.txt", IngestionHarness.Digest("好的版本"));
        _harness.Scan();

        File.WriteAllText(path, "总结: 编辑时删掉了标题\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        var report = _harness.Scan();

        Assert.Equal(1, report.Run.Rejected);
        Assert.Equal("好的版本", _harness.Articles.Get("1234567890abcdef")?.Title);

        File.Delete(path);
        _harness.Scan();
        Assert.Null(_harness.Articles.Get("1234567890abcdef"));
    }

    [EngineFact]
    public void Two_files_with_the_same_link_are_both_kept_and_the_later_is_flagged()
    {
        _harness.Write("001_aaaaaaaaaaaaaaaa.txt", IngestionHarness.Digest("第一篇", link: "https://news.example.com/story"));
        _harness.Write("002_bbbbbbbbbbbbbbbb.txt", IngestionHarness.Digest("第二篇", link: "https://news.example.com/story"));

        var report = _harness.Scan();

        Assert.Equal(2, report.Run.Added);
        var later = _harness.Files().Single(f => f.Path == "002_bbbbbbbbbbbbbbbb.txt");
        Assert.Equal("aaaaaaaaaaaaaaaa", later.DuplicateOf);
        Assert.Contains("duplicate", later.Warnings);
        Assert.Null(_harness.Files().Single(f => f.Path == "001_aaaaaaaaaaaaaaaa.txt").DuplicateOf);
    }

    [EngineFact]
    public void Two_files_claiming_the_same_id_keep_the_first_and_reject_the_second()
    {
        _harness.Write("a/001_abcdef0123456789.txt", IngestionHarness.Digest("甲"));
        _harness.Write("b/002_abcdef0123456789.txt", IngestionHarness.Digest("乙"));

        var report = _harness.Scan();

        Assert.Equal(1, report.Run.Added);
        var rejected = Assert.Single(report.Rejected);
        Assert.Equal("b/002_abcdef0123456789.txt", rejected.File);
        Assert.Contains("a/001_abcdef0123456789.txt", rejected.Reason);
    }

    [EngineFact]
    public void A_link_that_is_not_http_is_dropped_with_a_warning_and_the_article_kept()
    {
        _harness.Write("a.txt", IngestionHarness.Digest("坏链接", link: "javascript:alert(1)"));

        var report = _harness.Scan();

        Assert.Equal(1, report.Run.Added);
        var article = _harness.Listing.List(new ArticleFilter()).Items.Single();
        Assert.Null(article.Link);
        Assert.Contains(report.Problems, p => !p.Rejected && p.File == "a.txt");
        Assert.NotNull(_harness.Files().Single().Warnings);
    }

    [EngineFact]
    public void Ingestion_never_changes_the_seeds_folder()
    {
        _harness.CopyRealSeed();
        _harness.Write("bad.txt", "总结: 无标题\n");
        _harness.Write("sub/good.txt", IngestionHarness.Digest("子目录"));
        var before = Snapshot(_harness.SeedsPath);

        _harness.Scan();
        _harness.Scan();

        Assert.Equal(before, Snapshot(_harness.SeedsPath));
    }

    [EngineFact]
    public void A_missing_seeds_folder_is_an_error_not_an_empty_folder()
    {
        _harness.Write("a.txt", IngestionHarness.Digest("甲"));
        _harness.Scan();
        Directory.Delete(_harness.SeedsPath, recursive: true);

        Assert.Throws<DirectoryNotFoundException>(() => _harness.Scan());
        Assert.Equal(1, _harness.Articles.Count());
    }

    [EngineFact]
    public async Task Scanning_only_changed_paths_handles_additions_and_deleted_folders()
    {
        _harness.Write("keep.txt", IngestionHarness.Digest("保留"));
        _harness.Write("folder/x.txt", IngestionHarness.Digest("目录里的"));
        _harness.Scan();
        _harness.Write("new.txt", IngestionHarness.Digest("新的"));
        Directory.Delete(Path.Combine(_harness.SeedsPath, "folder"), recursive: true);

        var report = await _harness.Ingester.ScanPathsAsync(["new.txt", "folder"]);

        Assert.Equal(1, report.Run.Added);
        Assert.Equal(1, report.Run.Removed);
        Assert.Equal(["保留", "新的"], _harness.Listing.List(new ArticleFilter()).Items.Select(i => i.Title).Order());
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => f, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))) + File.GetLastWriteTimeUtc(f).Ticks);

    private ArticlePage Search(string query) => _harness.Listing.List(new ArticleFilter { Query = query, IncludeFacets = false });

    private int CountRows(string sql) => _harness.Scalar<int>(sql);

    /// <summary>Cancels the scan, synchronously, once this many files are done.</summary>
    private sealed class CancelAfter(int files, CancellationTokenSource source) : IProgress<NewsDigest.Core.Ingestion.ScanProgress>
    {
        public void Report(NewsDigest.Core.Ingestion.ScanProgress value)
        {
            if (value.Done >= files)
            {
                source.Cancel();
            }
        }
    }

    /// <summary>The suite on SQLite.</summary>
    public sealed class OnSqlite : IngesterTests;

    /// <summary>The suite on PostgreSQL.</summary>
    [RunsOn(StorageEngine.Postgres)]
    public sealed class OnPostgres : IngesterTests;
}
