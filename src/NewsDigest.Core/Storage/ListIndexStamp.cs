using Dapper;
using Microsoft.Data.Sqlite;

namespace NewsDigest.Core.Storage;

/// <summary>
/// Cheap signs that articles or tags changed: the newest article seq (moves with every added
/// article, even in the middle of a scan) and the last finished ingestion run that added, updated
/// or removed something (catches in-place updates and removals once their run ends).
/// </summary>
internal readonly record struct ListIndexStamp(long MaxSeq, long LastChangeRun)
{
    /// <summary>The stamp of the data now: one small query, made per request by what keeps data in memory.</summary>
    public static ListIndexStamp Read(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        var (maxSeq, lastChangeRun) = connection.QuerySingle<(long, long)>(
            """
            SELECT COALESCE((SELECT MAX(seq) FROM articles), 0),
                   COALESCE((SELECT id FROM ingestion_runs
                             WHERE finished_at IS NOT NULL AND added + updated + removed > 0
                             ORDER BY id DESC LIMIT 1), 0)
            """,
            transaction: transaction);
        return new ListIndexStamp(maxSeq, lastChangeRun);
    }
}
