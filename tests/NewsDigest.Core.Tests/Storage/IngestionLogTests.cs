using Dapper;
using NewsDigest.Core.Storage;
using NewsDigest.Core.Tests.Ingestion;

namespace NewsDigest.Core.Tests.Storage;

public sealed class IngestionLogTests : IDisposable
{
    private readonly IngestionHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    /// <summary>The stored names are a contract with every existing database (and its CHECK
    /// constraint): the enum must map onto exactly these, both ways.</summary>
    [Theory]
    [InlineData(SourceFileStatus.Added, "added")]
    [InlineData(SourceFileStatus.Updated, "updated")]
    [InlineData(SourceFileStatus.Unchanged, "unchanged")]
    [InlineData(SourceFileStatus.Rejected, "rejected")]
    [InlineData(SourceFileStatus.Removed, "removed")]
    [InlineData(SourceFileStatus.Unreadable, "unreadable")]
    public void Each_status_is_stored_as_its_lower_case_name_and_read_back_as_itself(SourceFileStatus status, string stored)
    {
        using var connection = _harness.Database.Open();
        var run = _harness.Log.StartRun(connection, DateTime.UtcNow);
        _harness.Log.Save(connection, null, new SourceFile
        {
            Path = "a.txt",
            Mtime = "2024-01-01T00:00:00Z",
            Status = status,
            RunId = run.Id,
            UpdatedAt = "2024-01-01T00:00:00Z",
        });
        _harness.Log.Save(connection, null, new SourceFile
        {
            Path = "other.txt",
            Mtime = "2024-01-01T00:00:00Z",
            Status = status == SourceFileStatus.Added ? SourceFileStatus.Updated : SourceFileStatus.Added,
            RunId = run.Id,
            UpdatedAt = "2024-01-01T00:00:00Z",
        });

        Assert.Equal(stored, connection.ExecuteScalar<string>("SELECT status FROM source_files WHERE path = 'a.txt'"));
        Assert.Equal(status, _harness.Log.LoadAll(connection)["a.txt"].Status);
        var filtered = Assert.Single(_harness.Log.Files(new SourceFileQuery { Status = status }).Items);
        Assert.Equal(("a.txt", status), (filtered.Path, filtered.Status));
    }

    [Fact]
    public void Files_left_unchanged_are_marked_so_in_one_statement_and_removed_ones_are_forgotten_a_run_later()
    {
        using var connection = _harness.Database.Open();
        var first = _harness.Log.StartRun(connection, DateTime.UtcNow);
        foreach (var (path, status) in new[] { ("kept.txt", SourceFileStatus.Added), ("gone.txt", SourceFileStatus.Removed) })
        {
            _harness.Log.Save(connection, null, new SourceFile
            {
                Path = path,
                Mtime = "2024-01-01T00:00:00Z",
                Status = status,
                RunId = first.Id,
                UpdatedAt = "2024-01-01T00:00:00Z",
            });
        }

        Assert.Equal(1, _harness.Log.FileCount());
        var second = _harness.Log.StartRun(connection, DateTime.UtcNow);
        using (var transaction = connection.BeginTransaction())
        {
            _harness.Log.MarkUnchanged(connection, transaction, ["kept.txt"], second.Id);
            transaction.Commit();
        }

        _harness.Log.ForgetRemoved(connection, second.Id);

        var kept = Assert.Single(_harness.Files());
        Assert.Equal(("kept.txt", SourceFileStatus.Unchanged, second.Id), (kept.Path, kept.Status, kept.RunId));
        Assert.Equal(1, _harness.Log.FileCount());
    }
}
