using System.Diagnostics;
using Npgsql;

namespace NewsDigest.Core.Storage.Postgres;

/// <summary>
/// One scan's writes on one connection, in a transaction committed every <see cref="Window"/> and
/// at the end of the scan, as in the SQLite engine: a file's article, tags, search entry and
/// source_files row commit together, so after a crash the rolled-back files are simply taken
/// again, while readers see progress every second. Each commit that changed articles is announced
/// on <see cref="DataChanges"/>.
/// </summary>
internal sealed class PostgresScanWriter : IScanWriter
{
    /// <summary>How long a transaction stays open before the files in it become visible.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly NpgsqlConnection _connection;
    private readonly PostgresArticleWriter _articles;
    private readonly DataChanges _changes;
    private readonly Stopwatch _age = new();
    private NpgsqlTransaction? _transaction;
    private bool _articlesChanged;

    public PostgresScanWriter(NpgsqlConnection connection, DataChanges changes)
    {
        _connection = connection;
        _changes = changes;
        _articles = new PostgresArticleWriter(connection);
    }

    /// <summary>The open transaction, begun on first use.</summary>
    private NpgsqlTransaction Transaction
    {
        get
        {
            if (_transaction is null)
            {
                _transaction = _connection.BeginTransaction();
                _age.Restart();
            }

            return _transaction;
        }
    }

    public string? SourceFileOf(string id) => _articles.SourceFileOf(Transaction, id);

    public string? FirstWithLink(string link, string exceptId) => _articles.FirstWithLink(Transaction, link, exceptId);

    public void SaveArticle(ArticleRecord article, bool existing, DateTime now)
    {
        _articles.Save(Transaction, article, existing, now);
        _articlesChanged = true;
    }

    public bool DeleteArticle(string id)
    {
        var deleted = _articles.Delete(Transaction, id);
        _articlesChanged |= deleted;
        return deleted;
    }

    public void DeleteOrphanTags() => _articles.DeleteOrphanTags(Transaction);

    public void SaveFile(SourceFile file) => PostgresSourceFiles.Save(_connection, Transaction, file);

    public void MarkUnchanged(IReadOnlyCollection<string> paths, long runId) =>
        PostgresSourceFiles.MarkUnchanged(_connection, Transaction, paths, runId);

    public void SaveUnreadableFolders(IReadOnlyDictionary<string, string> reasons, DateTime now) =>
        PostgresSourceFiles.SaveUnreadableFolders(_connection, Transaction, reasons, now);

    public void ForgetReadableFolders(IEnumerable<string> stillUnreadable) =>
        PostgresSourceFiles.ForgetReadableFolders(_connection, Transaction, stillUnreadable);

    /// <summary>Commits when the transaction has been open for <see cref="Window"/>.</summary>
    public void CommitIfDue()
    {
        if (_transaction is not null && _age.Elapsed >= Window)
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

        _transaction.Commit();
        _transaction.Dispose();
        _transaction = null;
        var articlesChanged = _articlesChanged;
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
        _transaction?.Dispose();
        _transaction = null;
        _connection.Dispose();
    }
}
