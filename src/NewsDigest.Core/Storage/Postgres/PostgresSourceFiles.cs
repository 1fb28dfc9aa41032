using System.Data;
using Dapper;
using NewsDigest.Core.Ingestion;
using Npgsql;

namespace NewsDigest.Core.Storage.Postgres;

/// <summary>SQL over source_files, their problem kinds (source_file_problems) and the folders that
/// cannot be listed (unreadable_folders). The writes join the scan's transaction (<see cref="PostgresScanWriter"/>).</summary>
public sealed class PostgresSourceFiles(PostgresDatabase database) : ISourceFiles
{
    // Of source_files aliased f: the report joins it with source_file_problems. The status comes
    // last, as text for Parse: ReadFiles splits the row there.
    private const string FileColumns = """
        f.path AS Path, f.size AS Size, f.mtime AS Mtime, f.sha256 AS Sha256,
        f.reason AS Reason, f.line AS Line, f.warnings AS Warnings, f.article_id AS ArticleId,
        f.duplicate_of AS DuplicateOf, f.run_id AS RunId, f.updated_at AS UpdatedAt, f.status AS StoredStatus
        """;

    private const string ProblemFiles = "SELECT COUNT(DISTINCT path) FROM source_file_problems";

    public Dictionary<string, SourceFile> LoadAll()
    {
        using var connection = database.Open();
        return ReadFiles(connection, $"SELECT {FileColumns} FROM source_files f").ToDictionary(f => f.Path, StringComparer.Ordinal);
    }

    /// <summary>Records a file and the kinds of problem it has now (none, once it is fine or removed).</summary>
    internal static void Save(NpgsqlConnection connection, NpgsqlTransaction transaction, SourceFile file)
    {
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
            new
            {
                file.Path,
                file.Size,
                file.Mtime,
                file.Sha256,
                Status = Stored(file.Status),
                file.Reason,
                file.Line,
                file.Warnings,
                file.ArticleId,
                file.DuplicateOf,
                file.RunId,
                file.UpdatedAt,
            },
            transaction);
        connection.Execute(
            """
            DELETE FROM source_file_problems WHERE path = @path;
            INSERT INTO source_file_problems (kind, updated_at, path)
            SELECT DISTINCT kind, @updatedAt, @path FROM unnest(@kinds) AS kind;
            """,
            new { path = file.Path, updatedAt = file.UpdatedAt, kinds = ReasonKinds.Of(file).Select(k => k.Slug()).ToArray() },
            transaction);
    }

    /// <summary>Marks many unchanged, previously taken files in one statement: a rescan of an
    /// unchanged folder must stay cheap.</summary>
    internal static void MarkUnchanged(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<string> paths, long runId)
    {
        if (paths.Count == 0)
        {
            return;
        }

        connection.Execute(
            "UPDATE source_files SET status = @unchanged, run_id = @runId WHERE path = ANY(@paths) AND status <> @unchanged",
            new { paths = paths.ToArray(), runId, unchanged = Stored(SourceFileStatus.Unchanged) },
            transaction);
    }

    public void ForgetRemoved(long currentRunId)
    {
        using var connection = database.Open();
        connection.Execute(
            "DELETE FROM source_files WHERE status = @removed AND run_id < @currentRunId",
            new { currentRunId, removed = Stored(SourceFileStatus.Removed) });
    }

    /// <summary>Records folders that cannot be listed; a folder already recorded keeps its first time.</summary>
    internal static void SaveUnreadableFolders(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyDictionary<string, string> reasons, DateTime now)
    {
        var since = Timestamps.Format(now);
        foreach (var (path, reason) in reasons)
        {
            connection.Execute(
                """
                INSERT INTO unreadable_folders (path, reason, since) VALUES (@path, @reason, @since)
                ON CONFLICT (path) DO UPDATE SET reason = excluded.reason WHERE unreadable_folders.reason <> excluded.reason
                """,
                new { path, reason, since },
                transaction);
        }
    }

    /// <summary>After a full scan: forgets the folders that list again.</summary>
    internal static void ForgetReadableFolders(NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<string> stillUnreadable) =>
        connection.Execute(
            "DELETE FROM unreadable_folders WHERE NOT (path = ANY(@paths))",
            new { paths = stillUnreadable.ToArray() },
            transaction);

    public IReadOnlyList<UnreadableFolder> UnreadableFolders()
    {
        using var connection = database.Open();
        return connection.Query<UnreadableFolder>(
            "SELECT path AS Path, reason AS Reason, since AS Since FROM unreadable_folders ORDER BY path").AsList();
    }

    public SourceFilePage Files(SourceFileQuery query)
    {
        var conditions = new List<string>();
        string from, order;
        if (query.Reason is not null)
        {
            from = "source_file_problems p JOIN source_files f ON f.path = p.path";
            conditions.Add("p.kind = @kind");
            order = "p.updated_at DESC, p.path DESC";
        }
        else
        {
            from = "source_files f";
            order = "f.updated_at DESC, f.path DESC";
            if (query.ProblemsOnly)
            {
                conditions.Add("f.path IN (SELECT path FROM source_file_problems)");
            }
        }

        if (query.Status is not null)
        {
            conditions.Add("f.status = @status");
        }

        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        var count = query switch
        {
            { Status: not null } => $"SELECT COUNT(*) FROM {from} {where}",
            { Reason: not null } => "SELECT COUNT(*) FROM source_file_problems WHERE kind = @kind",
            { ProblemsOnly: true } => ProblemFiles,
            _ => $"SELECT COUNT(*) FROM {from} {where}",
        };
        var parameters = new
        {
            kind = query.Reason?.Slug(),
            status = query.Status is { } status ? Stored(status) : null,
            limit = (long)query.PageSize,
            offset = (long)(query.Page - 1) * query.PageSize,
        };
        using var connection = database.Open();
        // One snapshot, so the count and the page agree.
        using var transaction = connection.BeginTransaction(IsolationLevel.RepeatableRead);
        var total = connection.ExecuteScalar<int>(count, parameters, transaction);
        var items = ReadFiles(
            connection, $"SELECT {FileColumns} FROM {from} {where} ORDER BY {order} LIMIT @limit OFFSET @offset", parameters, transaction).AsList();
        return new SourceFilePage(total, query.Page, query.PageSize, items);
    }

    public IReadOnlyList<ReasonCount> ReasonCounts()
    {
        using var connection = database.Open();
        var counts = connection.Query<(string Kind, long Count)>("SELECT kind, COUNT(*) FROM source_file_problems GROUP BY kind")
            .ToDictionary(r => r.Kind, r => (int)r.Count);
        return [.. ReasonKinds.All.Where(k => counts.ContainsKey(k.Slug())).Select(k => new ReasonCount(k, counts[k.Slug()]))];
    }

    public int ProblemFileCount()
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<int>(ProblemFiles);
    }

    public int FileCount()
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<int>(
            "SELECT COUNT(*) FROM source_files WHERE status <> @removed",
            new { removed = Stored(SourceFileStatus.Removed) });
    }

    /// <summary>Rows of <see cref="FileColumns"/>, each status read through <see cref="Parse"/>.</summary>
    private static IEnumerable<SourceFile> ReadFiles(
        NpgsqlConnection connection, string sql, object? parameters = null, NpgsqlTransaction? transaction = null) =>
        connection.Query<SourceFile, string, SourceFile>(
            sql,
            (file, status) =>
            {
                file.Status = Parse(status);
                return file;
            },
            parameters,
            transaction,
            splitOn: "StoredStatus");

    private static string Stored(SourceFileStatus status) => status switch
    {
        SourceFileStatus.Added => "added",
        SourceFileStatus.Updated => "updated",
        SourceFileStatus.Unchanged => "unchanged",
        SourceFileStatus.Rejected => "rejected",
        SourceFileStatus.Removed => "removed",
        SourceFileStatus.Unreadable => "unreadable",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown file status"),
    };

    private static SourceFileStatus Parse(string stored) => stored switch
    {
        "added" => SourceFileStatus.Added,
        "updated" => SourceFileStatus.Updated,
        "unchanged" => SourceFileStatus.Unchanged,
        "rejected" => SourceFileStatus.Rejected,
        "removed" => SourceFileStatus.Removed,
        "unreadable" => SourceFileStatus.Unreadable,
        _ => throw new InvalidDataException($"source_files holds an unknown status '{stored}'"),
    };
}
