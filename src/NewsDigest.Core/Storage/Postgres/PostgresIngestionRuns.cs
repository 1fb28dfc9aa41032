using Dapper;

namespace NewsDigest.Core.Storage.Postgres;

/// <summary>SQL over ingestion_runs: what each scan did.</summary>
public sealed class PostgresIngestionRuns(PostgresDatabase database) : IIngestionRuns
{
    public IngestionRun StartRun(DateTime now)
    {
        using var connection = database.Open();
        var startedAt = Timestamps.Format(now);
        var id = connection.ExecuteScalar<long>(
            "INSERT INTO ingestion_runs (started_at) VALUES (@startedAt) RETURNING id", new { startedAt });
        return new IngestionRun { Id = id, StartedAt = startedAt };
    }

    public void FinishRun(IngestionRun run, DateTime now)
    {
        using var connection = database.Open();
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

    public void FailRun(IngestionRun run, string error, DateTime now)
    {
        using var connection = database.Open();
        run.FinishedAt = Timestamps.Format(now);
        run.Error = error;
        connection.Execute(
            "UPDATE ingestion_runs SET finished_at = @FinishedAt, error = @Error WHERE id = @Id", run);
    }

    public void InterruptRun(IngestionRun run, DateTime now)
    {
        using var connection = database.Open();
        run.InterruptedAt = Timestamps.Format(now);
        connection.Execute("UPDATE ingestion_runs SET interrupted_at = @InterruptedAt WHERE id = @Id", run);
    }

    public int MarkOpenRunsInterrupted(DateTime now)
    {
        using var connection = database.Open();
        return connection.Execute(
            "UPDATE ingestion_runs SET interrupted_at = @now WHERE finished_at IS NULL AND interrupted_at IS NULL",
            new { now = Timestamps.Format(now) });
    }

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

    public ScanFailure? CurrentFailure()
    {
        using var connection = database.Open();
        return connection.QuerySingleOrDefault<ScanFailure>(
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
    }

    public IReadOnlyList<IngestionRun> InterruptedRuns(int limit = 10)
    {
        using var connection = database.Open();
        return connection.Query<IngestionRun>(
            """
            SELECT id AS Id, started_at AS StartedAt, finished_at AS FinishedAt, interrupted_at AS InterruptedAt
            FROM ingestion_runs WHERE interrupted_at IS NOT NULL
            ORDER BY id DESC LIMIT @limit
            """,
            new { limit = (long)limit }).AsList();
    }

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
}
