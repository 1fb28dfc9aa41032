using NewsDigest.Core.Storage;
using NewsDigest.Core.Tests.Engines;
using NewsDigest.Tests.Shared;

namespace NewsDigest.Core.Tests.Ingestion;

/// <summary>
/// Faults of the folder never cost an article. The tests run as root in CI, and root reads any
/// file whatever its mode, so the faults here are ones root cannot bypass either: a symbolic link
/// that points at itself fails to open with ELOOP, for a folder and for a file alike. (Real
/// permission errors are driven as an unprivileged user in the web tests' PermissionErrorTests.)
/// </summary>
public abstract class IngestionFaultTests : IDisposable
{
    private readonly IngestionHarness _harness;

    protected IngestionFaultTests() => _harness = new(engine: RunsOnAttribute.EngineOf(GetType()));

    public void Dispose() => _harness.Dispose();

    [EngineFact]
    public void A_folder_that_cannot_be_listed_keeps_its_articles_and_its_files_are_unreadable_until_it_lists_again()
    {
        _harness.Write("sub/001_00000000000000a1.txt", IngestionHarness.Digest("子目录里的文章"));
        _harness.Write("002_00000000000000a2.txt", IngestionHarness.Digest("根目录的文章"));
        _harness.Scan();
        var away = LinkLoop.Break(_harness.SeedsPath, "sub");

        var broken = _harness.Scan();

        Assert.Equal(0, broken.Run.Removed);
        Assert.Equal("子目录里的文章", _harness.Articles.Get("00000000000000a1")?.Title);
        var file = _harness.Files().Single(f => f.Path == "sub/001_00000000000000a1.txt");
        Assert.Equal(SourceFileStatus.Unreadable, file.Status);
        Assert.Contains("sub", file.Reason);
        Assert.Contains("symbolic links", file.Reason);
        Assert.Equal("00000000000000a1", file.ArticleId);

        Restore("sub", away);
        var fixedRun = _harness.Scan();

        // (The link that stood in for the folder was a file of its own, rejected, and is now removed.)
        Assert.Equal(0, fixedRun.Run.Updated + fixedRun.Run.Added);
        var digests = _harness.Files().Where(f => f.Path.EndsWith(".txt", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, digests.Count);
        Assert.All(digests, f => Assert.Equal(SourceFileStatus.Unchanged, f.Status));
        Assert.All(digests, f => Assert.Null(f.Reason));
        Assert.Equal(2, _harness.Articles.Count());
    }

    [EngineFact]
    public void A_folder_that_cannot_be_listed_is_reported_as_a_folder_and_forgotten_once_it_lists_again()
    {
        _harness.Write("sub/001_00000000000000a1.txt", IngestionHarness.Digest("子目录里的文章"));
        _harness.Scan();
        var away = LinkLoop.Break(_harness.SeedsPath, "sub");

        var broken = _harness.Scan();

        var folder = Assert.Single(_harness.SourceFiles.UnreadableFolders());
        Assert.Equal("sub", folder.Path);
        Assert.Contains("symbolic links", folder.Reason);
        Assert.Contains(broken.Problems, p => p.File == "sub/" && p.Kind == Core.Ingestion.FileProblemKind.Unreadable);
        Assert.Contains(broken.Problems, p => p.File == "sub/001_00000000000000a1.txt" && p.Kind == Core.Ingestion.FileProblemKind.Unreadable);
        Assert.Equal(1, broken.Run.Unreadable);

        Restore("sub", away);
        _harness.Scan();

        Assert.Empty(_harness.SourceFiles.UnreadableFolders());
    }

    [EngineFact]
    public void A_file_that_cannot_be_read_keeps_its_article_and_is_unreadable_until_it_reads_again()
    {
        var path = _harness.Write("001_00000000000000b1.txt", IngestionHarness.Digest("好的版本"));
        _harness.Scan();
        var away = LinkLoop.Break(_harness.SeedsPath, "001_00000000000000b1.txt");

        var broken = _harness.Scan();

        Assert.Equal(0, broken.Run.Removed + broken.Run.Rejected);
        Assert.Equal("好的版本", _harness.Articles.Get("00000000000000b1")?.Title);
        var file = _harness.Files().Single();
        Assert.Equal(SourceFileStatus.Unreadable, file.Status);
        Assert.Contains("symbolic links", file.Reason);

        // Still unreadable: it is tried again at every scan, not taken for unchanged.
        _harness.Scan();
        Assert.Equal(SourceFileStatus.Unreadable, _harness.Files().Single().Status);

        Restore("001_00000000000000b1.txt", away);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        var fixedRun = _harness.Scan();

        Assert.Equal(1, fixedRun.Run.Unchanged);
        var back = _harness.Files().Single();
        Assert.Equal(SourceFileStatus.Unchanged, back.Status);
        Assert.Null(back.Reason);
    }

    [EngineFact]
    public async Task Scanning_only_a_path_under_a_folder_that_cannot_be_listed_keeps_its_article()
    {
        _harness.Write("sub/001_00000000000000c1.txt", IngestionHarness.Digest("子目录里的文章"));
        _harness.Scan();
        LinkLoop.Break(_harness.SeedsPath, "sub");

        var report = await _harness.Ingester.ScanPathsAsync(["sub/001_00000000000000c1.txt"]);

        Assert.Equal(0, report.Run.Removed);
        Assert.Equal("子目录里的文章", _harness.Articles.Get("00000000000000c1")?.Title);
        Assert.Equal(SourceFileStatus.Unreadable, _harness.Files().Single().Status);
    }

    [EngineFact]
    public void A_deleted_folder_is_still_removed()
    {
        _harness.Write("sub/001_00000000000000d1.txt", IngestionHarness.Digest("子目录里的文章"));
        _harness.Write("002_00000000000000d2.txt", IngestionHarness.Digest("根目录的文章"));
        _harness.Scan();
        Directory.Delete(Path.Combine(_harness.SeedsPath, "sub"), recursive: true);

        var report = _harness.Scan();

        Assert.Equal(1, report.Run.Removed);
        Assert.Null(_harness.Articles.Get("00000000000000d1"));
        Assert.Empty(_harness.SourceFiles.UnreadableFolders());
    }

    [EngineFact]
    public void A_missing_seeds_folder_fails_the_run_with_its_reason_and_time_until_it_is_back()
    {
        _harness.Write("001_00000000000000e1.txt", IngestionHarness.Digest("甲"));
        _harness.Scan();
        var away = _harness.SeedsPath + "-away";
        Directory.Move(_harness.SeedsPath, away);

        Assert.Throws<DirectoryNotFoundException>(() => _harness.Scan());
        Assert.Throws<DirectoryNotFoundException>(() => _harness.Scan());

        var failure = _harness.Runs.CurrentFailure();
        Assert.NotNull(failure);
        Assert.Contains(_harness.SeedsPath, failure.Reason);
        Assert.Equal(failure.Reason, _harness.Ingester.FolderError?.Reason);
        Assert.True(Timestamps.Parse(failure.Since) <= Timestamps.Parse(failure.CheckedAt));
        Assert.Equal(failure.Since, _harness.Ingester.FolderError?.Since);
        Assert.Equal("甲", _harness.Articles.Get("00000000000000e1")?.Title);
        Assert.Equal(1, _harness.Runs.LastRun()?.Added);

        Directory.Move(away, _harness.SeedsPath);
        _harness.Scan();

        Assert.Null(_harness.Runs.CurrentFailure());
        Assert.Null(_harness.Ingester.FolderError);
    }

    [EngineFact]
    public void Runs_left_open_by_an_earlier_process_are_marked_interrupted_at_the_first_scan_only()
    {
        var crashedAt = DateTime.UtcNow.AddHours(-1);
        _harness.Runs.StartRun(crashedAt);

        _harness.Write("001_00000000000000f1.txt", IngestionHarness.Digest("甲"));
        _harness.Scan();

        var interrupted = Assert.Single(_harness.Runs.InterruptedRuns());
        Assert.Equal(Timestamps.Format(crashedAt), interrupted.StartedAt);
        Assert.NotNull(interrupted.InterruptedAt);
        Assert.True(Timestamps.Parse(interrupted.InterruptedAt) >= crashedAt);
        Assert.Null(interrupted.FinishedAt);

        // A run opened after this process's first scan is not this process's to judge.
        _harness.Runs.StartRun(DateTime.UtcNow);

        _harness.Scan();
        Assert.Single(_harness.Runs.InterruptedRuns());
        Assert.Equal(1, _harness.Scalar<int>("SELECT count(*) FROM ingestion_runs WHERE finished_at IS NULL AND interrupted_at IS NULL"));
    }

    [EngineFact]
    public async Task A_cancelled_scan_is_marked_interrupted_at_once()
    {
        for (var i = 0; i < 20; i++)
        {
            _harness.Write($"{i:D3}_file.txt", IngestionHarness.Digest($"第{i}篇"));
        }

        using var stop = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _harness.Ingester.ScanAsync(new CancelAtFirstReport(stop), stop.Token));

        var interrupted = Assert.Single(_harness.Runs.InterruptedRuns());
        Assert.NotNull(interrupted.InterruptedAt);
    }

    private void Restore(string relativePath, string away)
    {
        var path = Path.Combine(_harness.SeedsPath, relativePath);
        File.Delete(path);
        if (Directory.Exists(away))
        {
            Directory.Move(away, path);
        }
        else
        {
            File.Move(away, path);
        }
    }

    /// <summary>Cancels the scan, synchronously, as soon as it reports progress (its run is open then).</summary>
    private sealed class CancelAtFirstReport(CancellationTokenSource source) : IProgress<Core.Ingestion.ScanProgress>
    {
        public void Report(Core.Ingestion.ScanProgress value) => source.Cancel();
    }

    /// <summary>The suite on SQLite.</summary>
    public sealed class OnSqlite : IngestionFaultTests;

    /// <summary>The suite on PostgreSQL.</summary>
    [RunsOn(StorageEngine.Postgres)]
    public sealed class OnPostgres : IngestionFaultTests;
}
