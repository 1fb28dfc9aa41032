using System.Diagnostics;
using Microsoft.Data.Sqlite;
using NewsDigest.Core.Search;
using NewsDigest.Core.Storage;
using NewsDigest.Core.Storage.Sqlite;

namespace NewsDigest.Core.Ingestion;

/// <summary>
/// The writer's open transaction, committed every <see cref="Window"/> and at the end of a scan.
/// One transaction per file made FTS5 write (and later merge) a small segment per file and
/// synced the WAL per file. Grouping the files of one second keeps
/// the crash guarantee (a file's article and its source_files row commit together, so after a
/// crash the rolled-back files are simply taken again) while readers still see progress every
/// second. Search entries wait for the commit: see <see cref="SearchEntries.Replace"/>.
/// </summary>
internal sealed class WriteBatch(SqliteConnection connection, DataChanges changes) : IDisposable
{
    /// <summary>How long a transaction stays open before the files in it become visible.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    /// <summary>Bounds the memory the waiting search entries take on a fast machine.</summary>
    private const int MaxPendingEntries = 1_000;

    private readonly Stopwatch _age = new();
    private readonly List<(long Seq, SearchDocument Document, bool Existing)> _pendingSearch = [];
    private SqliteTransaction? _transaction;
    private bool _articlesChanged;

    /// <summary>The open transaction, begun (IMMEDIATE) on first use.</summary>
    public SqliteTransaction Transaction
    {
        get
        {
            if (_transaction is null)
            {
                _transaction = connection.BeginTransaction(deferred: false);
                _age.Restart();
            }

            return _transaction;
        }
    }

    /// <summary>Queues an article's search entry; it is written just before the commit.
    /// <paramref name="existing"/>: the article was there before, so its old entry goes first.
    /// The Ingester removes articles before it saves any in a scan, so a queued entry is never one
    /// of an article removed later in the same batch.</summary>
    public void Index(long seq, SearchDocument document, bool existing) => _pendingSearch.Add((seq, document, existing));

    /// <summary>Notes that the open transaction removed an article: its commit is announced as a change of data.</summary>
    public void ArticlesChanged() => _articlesChanged = true;

    /// <summary>Commits when the transaction has been open for <see cref="Window"/>, or holds many search entries.</summary>
    public void CommitIfDue()
    {
        if (_transaction is not null && (_age.Elapsed >= Window || _pendingSearch.Count >= MaxPendingEntries))
        {
            Commit();
        }
    }

    public void Commit()
    {
        if (_transaction is null)
        {
            return;
        }

        var articlesChanged = _articlesChanged || _pendingSearch.Count > 0;
        if (_pendingSearch.Count > 0)
        {
            SearchEntries.Replace(connection, _transaction, _pendingSearch);
            _pendingSearch.Clear();
        }

        _transaction.Commit();
        _transaction.Dispose();
        _transaction = null;
        _articlesChanged = false;
        if (articlesChanged)
        {
            // Readers see the files of each batch as it commits, not only when the scan ends.
            changes.Announce(DataChange.Articles);
        }
    }

    /// <summary>Rolls back whatever was not committed (a scan that failed or was cancelled).</summary>
    public void Dispose()
    {
        _pendingSearch.Clear();
        _articlesChanged = false;
        _transaction?.Dispose();
        _transaction = null;
    }
}
