using System.Diagnostics;
using Microsoft.Data.Sqlite;
using NewsDigest.Core.Search;

namespace NewsDigest.Core.Storage.Sqlite;

/// <summary>
/// One scan's writes on one connection, in a transaction committed every <see cref="Window"/> and
/// at the end of the scan. One transaction per file would make FTS5 write (and later merge) a small
/// segment per file and sync the WAL per file. Grouping the files of one second keeps the crash
/// guarantee (a file's article and its source_files row commit together, so after a crash the
/// rolled-back files are simply taken again) while readers still see progress every second.
/// Search entries wait for the commit: see <see cref="SearchEntries.Replace"/>.
/// </summary>
internal sealed class SqliteScanWriter : IScanWriter
{
    /// <summary>How long a transaction stays open before the files in it become visible.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    /// <summary>Bounds the memory the waiting search entries take on a fast machine.</summary>
    private const int MaxPendingEntries = 1_000;

    private readonly SqliteConnection _connection;
    private readonly ArticleWriter _articles;
    private readonly DataChanges _changes;
    private readonly Stopwatch _age = new();
    private readonly List<(long Seq, SearchDocument Document, bool Existing)> _pendingSearch = [];
    private SqliteTransaction? _transaction;
    private bool _articlesChanged;

    public SqliteScanWriter(SqliteConnection connection, DataChanges changes)
    {
        _connection = connection;
        _changes = changes;
        _articles = new ArticleWriter(connection);
    }

    /// <summary>The open transaction, begun (IMMEDIATE) on first use.</summary>
    private SqliteTransaction Transaction
    {
        get
        {
            if (_transaction is null)
            {
                _transaction = _connection.BeginTransaction(deferred: false);
                _age.Restart();
            }

            return _transaction;
        }
    }

    public string? SourceFileOf(string id) => _articles.SourceFileOf(Transaction, id);

    public string? FirstWithLink(string link, string exceptId) => _articles.FirstWithLink(Transaction, link, exceptId);

    public void SaveArticle(ArticleRecord article, bool existing, DateTime now)
    {
        var seq = _articles.Save(Transaction, article, existing, now);

        // The scan removes articles before it saves any, so a queued entry is never one of an
        // article removed later in the same transaction.
        _pendingSearch.Add((seq, article.Search, existing));
    }

    public bool DeleteArticle(string id)
    {
        var deleted = ArticleWriter.Delete(_connection, Transaction, id);
        _articlesChanged |= deleted;
        return deleted;
    }

    public void DeleteOrphanTags() => ArticleWriter.DeleteOrphanTags(_connection, Transaction);

    public void SaveFile(SourceFile file) => SqliteSourceFiles.Save(_connection, Transaction, file);

    public void MarkUnchanged(IReadOnlyCollection<string> paths, long runId) =>
        SqliteSourceFiles.MarkUnchanged(_connection, Transaction, paths, runId);

    public void SaveUnreadableFolders(IReadOnlyDictionary<string, string> reasons, DateTime now) =>
        SqliteSourceFiles.SaveUnreadableFolders(_connection, Transaction, reasons, now);

    public void ForgetReadableFolders(IEnumerable<string> stillUnreadable) =>
        SqliteSourceFiles.ForgetReadableFolders(_connection, Transaction, stillUnreadable);

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
            SearchEntries.Replace(_connection, _transaction, _pendingSearch);
            _pendingSearch.Clear();
        }

        _transaction.Commit();
        _transaction.Dispose();
        _transaction = null;
        _articlesChanged = false;
        if (articlesChanged)
        {
            // Readers see the files of each transaction as it commits, not only when the scan ends.
            _changes.Announce(DataChange.Articles);
        }
    }

    /// <summary>Rolls back whatever was not committed (a scan that failed or was cancelled).</summary>
    public void Dispose()
    {
        _pendingSearch.Clear();
        _transaction?.Dispose();
        _transaction = null;
        _articles.Dispose();
        _connection.Dispose();
    }
}
