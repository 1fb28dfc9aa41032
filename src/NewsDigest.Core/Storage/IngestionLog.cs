using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace NewsDigest.Core.Storage;

/// <summary>All SQL over source_files and ingestion_runs: what ingestion knows of each file and
/// what each scan did. This is what /api/ingestion and the ingestion page report.</summary>
public sealed class IngestionLog(Database database)
{
    private const string FileColumns = """
        path AS Path, size AS Size, mtime AS Mtime, sha256 AS Sha256, status AS Status,
        reason AS Reason, line AS Line, warnings AS Warnings, article_id AS ArticleId,
        duplicate_of AS DuplicateOf, run_id AS RunId, updated_at AS UpdatedAt
        """;

    public IngestionRun StartRun(SqliteConnection connection, DateTime now)
    {
        var startedAt = Timestamps.Format(now);
        var id = connection.ExecuteScalar<long>(
            "INSERT INTO ingestion_runs (started_at) VALUES (@startedAt) RETURNING id", new { startedAt });
        return new IngestionRun { Id = id, StartedAt = startedAt };
    }

    public void FinishRun(SqliteConnection connection, IngestionRun run, DateTime now)
    {
        run.FinishedAt = Timestamps.Format(now);
        // Clears interrupted_at: a process that started while this run went on took it for cut off.
        connection.Execute(
            """
            UPDATE ingestion_runs
            SET finished_at = @FinishedAt, added = @Added, updated = @Updated, unchanged = @Unchanged,
                removed = @Removed, rejected = @Rejected, unreadable = @Unreadable, interrupted_at = NULL
            WHERE id = @Id
            """,
            run);
    }

    /// <summary>Ends a run that could not scan, with the reason: the ingestion report and
    /// readiness show it until a scan succeeds.</summary>
    public void FailRun(SqliteConnection connection, IngestionRun run, string error, DateTime now)
    {
        run.FinishedAt = Timestamps.Format(now);
        run.Error = error;
        connection.Execute(
            "UPDATE ingestion_runs SET finished_at = @FinishedAt, error = @Error WHERE id = @Id", run);
    }

    /// <summary>Marks a run cut off in this process (cancelled by shutdown) as interrupted.</summary>
    public void InterruptRun(SqliteConnection connection, IngestionRun run, DateTime now)
    {
        run.InterruptedAt = Timestamps.Format(now);
        connection.Execute("UPDATE ingestion_runs SET interrupted_at = @InterruptedAt WHERE id = @Id", run);
    }

    /// <summary>Marks every run still open as interrupted, noticed now. Only correct before this
    /// process starts a run of its own: an open run is then one a crash or kill cut off.</summary>
    public int MarkOpenRunsInterrupted(SqliteConnection connection, DateTime now) =>
        connection.Execute(
            "UPDATE ingestion_runs SET interrupted_at = @now WHERE finished_at IS NULL AND interrupted_at IS NULL",
            new { now = Timestamps.Format(now) });

    public Dictionary<string, SourceFile> LoadAll(SqliteConnection connection) =>
        connection.Query<SourceFile>($"SELECT {FileColumns} FROM source_files")
            .ToDictionary(f => f.Path, StringComparer.Ordinal);

    public void Save(SqliteConnection connection, SqliteTransaction? transaction, SourceFile file) =>
        connection.Execute(
            """
            INSERT INTO source_files (path, size, mtime, sha256, status, reason, line, warnings,
                                      article_id, duplicate_of, run_id, updated_at)
            VALUES (@Path, @Size, @Mtime, @Sha256, @Status, @Reason, @Line, @Warnings,
                    @ArticleId, @DuplicateOf, @RunId, @UpdatedAt)
            ON CONFLICT (path) DO UPDATE SET
                size = excluded.size, mtime = excluded.mtime, sha256 = excluded.sha256,
                status = excluded.status, reason = excluded.reason, line = excluded.line,
                warnings = excluded.warnings, article_id = excluded.article_id,
                duplicate_of = excluded.duplicate_of, run_id = excluded.run_id,
                updated_at = excluded.updated_at
            """,
            file,
            transaction);

    /// <summary>Marks many unchanged, previously taken files in one statement: a rescan of an
    /// unchanged folder must stay cheap.</summary>
    public void MarkUnchanged(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyCollection<string> paths, long runId)
    {
        if (paths.Count == 0)
        {
            return;
        }

        connection.Execute(
            """
            UPDATE source_files SET status = 'unchanged', run_id = @runId
            WHERE path IN (SELECT value FROM json_each(@paths)) AND status <> 'unchanged'
            """,
            new { paths = JsonSerializer.Serialize(paths), runId },
            transaction);
    }

    /// <summary>Forgets files reported as removed by an earlier run: each removal is reported once.</summary>
    public void ForgetRemoved(SqliteConnection connection, long currentRunId) =>
        connection.Execute(
            "DELETE FROM source_files WHERE status = 'removed' AND run_id < @currentRunId", new { currentRunId });

    /// <summary>Records folders that cannot be listed; a folder already recorded keeps its first time.</summary>
    public void SaveUnreadableFolders(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyDictionary<string, string> reasons, DateTime now)
    {
        var since = Timestamps.Format(now);
        foreach (var (path, reason) in reasons)
        {
            connection.Execute(
                """
                INSERT INTO unreadable_folders (path, reason, since) VALUES (@path, @reason, @since)
                ON CONFLICT (path) DO UPDATE SET reason = excluded.reason WHERE reason <> excluded.reason
                """,
                new { path, reason, since },
                transaction);
        }
    }

    /// <summary>After a full scan: forgets the folders that list again.</summary>
    public void ForgetReadableFolders(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<string> stillUnreadable) =>
        connection.Execute(
            "DELETE FROM unreadable_folders WHERE path NOT IN (SELECT value FROM json_each(@paths))",
            new { paths = JsonSerializer.Serialize(stillUnreadable) },
            transaction);

    public void Delete(SqliteConnection connection, SqliteTransaction transaction, string path) =>
        connection.Execute("DELETE FROM source_files WHERE path = @path", new { path }, transaction);

    // ---- Reads for the report ----

    /// <summary>The last run that finished its scan (a failed run did not).</summary>
    public IngestionRun? LastRun()
    {
        using var connection = database.Open();
        return connection.QuerySingleOrDefault<IngestionRun>(
            """
            SELECT id AS Id, started_at AS StartedAt, finished_at AS FinishedAt, added AS Added,
                   updated AS Updated, unchanged AS Unchanged, removed AS Removed, rejected AS Rejected,
                   unreadable AS Unreadable
            FROM ingestion_runs WHERE finished_at IS NOT NULL AND error IS NULL
            ORDER BY id DESC LIMIT 1
            """);
    }

    /// <summary>Why scans are failing, when the last run that ended failed; null when it did not.</summary>
    public ScanFailure? CurrentFailure()
    {
        using var connection = database.Open();
        return CurrentFailure(connection);
    }

    public ScanFailure? CurrentFailure(SqliteConnection connection) =>
        connection.QuerySingleOrDefault<ScanFailure>(
            """
            WITH last_ended AS (
                SELECT id, error, finished_at FROM ingestion_runs
                WHERE finished_at IS NOT NULL ORDER BY id DESC LIMIT 1
            ),
            last_good AS (
                SELECT id FROM ingestion_runs
                WHERE finished_at IS NOT NULL AND error IS NULL ORDER BY id DESC LIMIT 1
            )
            SELECT last_ended.error AS Reason, last_ended.finished_at AS CheckedAt,
                   (SELECT MIN(started_at) FROM ingestion_runs
                    WHERE error IS NOT NULL AND id > COALESCE((SELECT id FROM last_good), 0)) AS Since
            FROM last_ended WHERE last_ended.error IS NOT NULL
            """);

    /// <summary>Runs cut off before they finished, newest first.</summary>
    public IReadOnlyList<IngestionRun> InterruptedRuns(int limit = 10)
    {
        using var connection = database.Open();
        return connection.Query<IngestionRun>(
            """
            SELECT id AS Id, started_at AS StartedAt, finished_at AS FinishedAt, interrupted_at AS InterruptedAt
            FROM ingestion_runs WHERE interrupted_at IS NOT NULL
            ORDER BY id DESC LIMIT @limit
            """,
            new { limit }).AsList();
    }

    /// <summary>Folders that cannot be listed, by path.</summary>
    public IReadOnlyList<UnreadableFolder> UnreadableFolders()
    {
        using var connection = database.Open();
        return connection.Query<UnreadableFolder>(
            "SELECT path AS Path, reason AS Reason, since AS Since FROM unreadable_folders ORDER BY path").AsList();
    }

    /// <summary>Every known file, problems first (rejected or unreadable, then files with warnings), then by path.</summary>
    public IReadOnlyList<SourceFile> Files()
    {
        using var connection = database.Open();
        return connection.Query<SourceFile>(
            $"""
            SELECT {FileColumns} FROM source_files
            ORDER BY status NOT IN ('rejected', 'unreadable'), warnings IS NULL AND duplicate_of IS NULL, path
            """).AsList();
    }

    /// <summary>When the articles last changed (a run that added, updated or removed) and when the
    /// last run finished; null where no such run exists yet.</summary>
    public (DateTimeOffset? Articles, DateTimeOffset? Report) LastChanges()
    {
        using var connection = database.Open();
        var (articles, report) = connection.QuerySingle<(string?, string?)>(
            """
            SELECT MAX(CASE WHEN added + updated + removed > 0 THEN finished_at END), MAX(finished_at)
            FROM ingestion_runs
            """);
        return (articles is null ? null : new DateTimeOffset(Timestamps.Parse(articles)), report is null ? null : new DateTimeOffset(Timestamps.Parse(report)));
    }

    public bool HasCompletedRun()
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<bool>("SELECT EXISTS (SELECT 1 FROM ingestion_runs WHERE finished_at IS NOT NULL)");
    }
}
