namespace NewsDigest.Core.Storage.Sqlite;

/// <summary>
/// The ingester lease of a SQLite database. The portal process is meant to be the only node of its
/// file; this lease only guards against a second process started by mistake on the same file (two
/// writers would make each other wait and report each other's files): an exclusive OS lock on a
/// file beside the database (<c>newsdigest.db.ingester</c>), freed by the OS when the process dies.
/// </summary>
public sealed class SqliteIngesterLease(string databasePath) : IIngesterLease
{
    private readonly string _lockPath = System.IO.Path.GetFullPath(databasePath) + ".ingester";
    private FileStream? _lock;

    public bool TryHold()
    {
        if (_lock is not null)
        {
            return true;
        }

        try
        {
            // FileShare.None takes an exclusive flock on Linux: a second holder, in this process
            // or another, is refused until this stream is closed or the process ends.
            _lock = new FileStream(_lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public void Release()
    {
        _lock?.Dispose();
        _lock = null;
    }

    public void Dispose() => Release();
}
