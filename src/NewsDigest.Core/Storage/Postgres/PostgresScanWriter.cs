using System.Diagnostics;
using Npgsql;

namespace NewsDigest.Core.Storage.Postgres;

/// <summary>
/// One scan's writes on one connection, in a transaction committed every <see cref="Window"/> and
/// at the end of the scan, as in the SQLite engine: a file's article, tags, search entry and
/// source_files row commit together, so after a crash the rolled-back files are simply taken
/// again, while readers see progress every second. Each commit that changed articles moves the data
/// version forward and sends it with NOTIFY in the same transaction (the other nodes hear of it only
/// if it commits), and is announced on <see cref="DataChanges"/> in this process.
/// </summary>
internal sealed class PostgresScanWriter : IScanWriter
{
    /// <summary>How long a transaction stays open before the files in it become visible.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly NpgsqlConnection _connection;
    private readonly PostgresArticleWriter _articles;
    private readonly DataChanges _changes;
    private readonly PostgresDataVersion _version;
    private readonly Stopwatch _age = new();
    private NpgsqlTransaction? _transaction;
    private bool _articlesChanged;

    public PostgresScanWriter(NpgsqlConnection connection, DataChanges changes, PostgresDataVersion version)
    {
        _connection = connection;
        _changes = changes;
        _version = version;
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

        var version = _articlesChanged ? NextVersion(_transaction) : (long?)null;
        _transaction.Commit();
        _transaction.Dispose();
        _transaction = null;
        _articlesChanged = false;
        if (version is { } committed)
        {
            // Readers see the files of each transaction as it commits, not only when the scan ends;
            // the listener of this process then knows the NOTIFY of this version is its own.
            _version.Advance(committed);
            _changes.Announce(DataChange.Articles);
        }
    }

    private long NextVersion(NpgsqlTransaction transaction)
    {
        long version;
        using (var bump = new NpgsqlCommand("UPDATE data_version SET version = version + 1 WHERE id = 1 RETURNING version", _connection, transaction))
        {
            version = Convert.ToInt64(bump.ExecuteScalar());
        }

        using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @version)", _connection, transaction);
        notify.Parameters.AddWithValue("channel", PostgresDataVersion.Channel);
        notify.Parameters.AddWithValue("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        notify.ExecuteNonQuery();
        return version;
    }

    /// <summary>Rolls back whatever was not committed (a scan that failed or was cancelled).</summary>
    public void Dispose()
    {
        _transaction?.Dispose();
        _transaction = null;
        _connection.Dispose();
    }
}
