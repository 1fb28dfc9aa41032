using NewsDigest.Core.Storage;
using NewsDigest.Core.Tests.Engines;
using NewsDigest.Core.Tests.Ingestion;

namespace NewsDigest.Core.Tests.Storage;

public abstract class SourceFilesTests : IDisposable
{
    private readonly IngestionHarness _harness;

    protected SourceFilesTests() => _harness = new(engine: RunsOnAttribute.EngineOf(GetType()));

    public void Dispose() => _harness.Dispose();

    /// <summary>The stored names are a contract with every existing database (and its CHECK
    /// constraint): the enum must map onto exactly these, both ways.</summary>
    [EngineTheory]
    [InlineData(SourceFileStatus.Added, "added")]
    [InlineData(SourceFileStatus.Updated, "updated")]
    [InlineData(SourceFileStatus.Unchanged, "unchanged")]
    [InlineData(SourceFileStatus.Rejected, "rejected")]
    [InlineData(SourceFileStatus.Removed, "removed")]
    [InlineData(SourceFileStatus.Unreadable, "unreadable")]
    public void Each_status_is_stored_as_its_lower_case_name_and_read_back_as_itself(SourceFileStatus status, string stored)
    {
        var run = _harness.Runs.StartRun(DateTime.UtcNow);
        using (var writer = _harness.Database.OpenScanWriter())
        {
            writer.SaveFile(new SourceFile
            {
                Path = "a.txt",
                Mtime = "2024-01-01T00:00:00Z",
                Status = status,
                RunId = run.Id,
                UpdatedAt = "2024-01-01T00:00:00Z",
            });
            writer.SaveFile(new SourceFile
            {
                Path = "other.txt",
                Mtime = "2024-01-01T00:00:00Z",
                Status = status == SourceFileStatus.Added ? SourceFileStatus.Updated : SourceFileStatus.Added,
                RunId = run.Id,
                UpdatedAt = "2024-01-01T00:00:00Z",
            });
            writer.Commit();
        }

        Assert.Equal(stored, _harness.Scalar<string>("SELECT status FROM source_files WHERE path = 'a.txt'"));
        Assert.Equal(status, _harness.SourceFiles.LoadAll()["a.txt"].Status);
        var filtered = Assert.Single(_harness.SourceFiles.Files(new SourceFileQuery { Status = status }).Items);
        Assert.Equal(("a.txt", status), (filtered.Path, filtered.Status));
    }

    [EngineFact]
    public void Files_left_unchanged_are_marked_so_in_one_statement_and_removed_ones_are_forgotten_a_run_later()
    {
        var first = _harness.Runs.StartRun(DateTime.UtcNow);
        using (var writer = _harness.Database.OpenScanWriter())
        {
            foreach (var (path, status) in new[] { ("kept.txt", SourceFileStatus.Added), ("gone.txt", SourceFileStatus.Removed) })
            {
                writer.SaveFile(new SourceFile
                {
                    Path = path,
                    Mtime = "2024-01-01T00:00:00Z",
                    Status = status,
                    RunId = first.Id,
                    UpdatedAt = "2024-01-01T00:00:00Z",
                });
            }

            writer.Commit();
        }

        Assert.Equal(1, _harness.SourceFiles.FileCount());
        var second = _harness.Runs.StartRun(DateTime.UtcNow);
        using (var writer = _harness.Database.OpenScanWriter())
        {
            writer.MarkUnchanged(["kept.txt"], second.Id);
            writer.Commit();
        }

        _harness.SourceFiles.ForgetRemoved(second.Id);

        var kept = Assert.Single(_harness.Files());
        Assert.Equal(("kept.txt", SourceFileStatus.Unchanged, second.Id), (kept.Path, kept.Status, kept.RunId));
        Assert.Equal(1, _harness.SourceFiles.FileCount());
    }

    /// <summary>The suite on SQLite.</summary>
    public sealed class OnSqlite : SourceFilesTests;

    /// <summary>The suite on PostgreSQL.</summary>
    [RunsOn(StorageEngine.Postgres)]
    public sealed class OnPostgres : SourceFilesTests;
}
