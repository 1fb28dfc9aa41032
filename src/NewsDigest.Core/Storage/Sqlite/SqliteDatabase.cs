using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using SQLitePCL;

namespace NewsDigest.Core.Storage.Sqlite;

/// <summary>
/// The SQLite engine's one file. Hands out short-lived connections (pooling makes opening cheap and a
/// connection is not thread-safe) with the per-connection pragmas set, and migrates the schema.
/// </summary>
public sealed class SqliteDatabase : IDatabase
{
    // SQLITE_READONLY_DIRECTORY: the file is writable but its folder is not, so SQLite cannot
    // create the -wal and -shm files beside it (SQLitePCL has no constant for it).
    private const int ReadOnlyDirectory = 1544;

    private readonly string _connectionString;
    private readonly ILogger<SqliteDatabase>? _logger;
    private readonly DataChanges _changes;

    /// <param name="path">The database file.</param>
    /// <param name="logger">Where schema upgrades are told.</param>
    /// <param name="changes">Where the scan writer announces its commits (a private one when
    /// nothing listens, as in tools and tests).</param>
    public SqliteDatabase(string path, ILogger<SqliteDatabase>? logger = null, DataChanges? changes = null)
    {
        _logger = logger;
        _changes = changes ?? new DataChanges();
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // The library retries a busy database until this timeout; readers under WAL never wait
            // for the writer, so this only matters if a second writer ever appears.
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    public string Location => Path;

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        SetPragmas(connection);
        return connection;
    }

    public IScanWriter OpenScanWriter() => new SqliteScanWriter(Open(), _changes);

    private static void SetPragmas(SqliteConnection connection)
    {
        using var pragmas = connection.CreateCommand();
        // foreign_keys and synchronous are per connection; journal_mode=WAL persists in the file
        // (set by the first migration). NORMAL is durable across process crashes under WAL.
        pragmas.CommandText = "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
        pragmas.ExecuteNonQuery();
    }

    /// <summary>True when the file opens and answers a trivial query (health checks).</summary>
    public bool IsReachable()
    {
        try
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            return Convert.ToInt32(command.ExecuteScalar()) == 1;
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Creates or upgrades the schema; safe to call at every start. A folder or file that cannot
    /// take writes, or a file that is not a sound SQLite database, is a
    /// <see cref="DatabaseUnavailableException"/>, and such a file is left exactly as it was.
    /// </summary>
    public void Migrate()
    {
        CreateFolder();
        try
        {
            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            // SQLite quietly opens a file it may not write as read-only, and the portal must write.
            // Asked before the first statement: reading a WAL file read-only would leave -wal and
            // -shm files beside it that stay read-only after the file itself is made writable.
            if (raw.sqlite3_db_readonly(connection.Handle, "main") == 1)
            {
                throw new DatabaseUnavailableException(Path, "the file is read-only");
            }

            SetPragmas(connection);
            Upgrade(connection);
        }
        catch (SqliteException e) when (FaultCause(e) is { } cause)
        {
            throw new DatabaseUnavailableException(Path, cause, e);
        }
    }

    private void CreateFolder()
    {
        var folder = System.IO.Path.GetDirectoryName(Path);
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new DatabaseUnavailableException(Path, $"the folder {folder} cannot be created: permission denied", e);
        }
        catch (IOException e)
        {
            var reason = File.Exists(folder) ? "a file has that name" : e.Message;
            throw new DatabaseUnavailableException(Path, $"the folder {folder} cannot be created: {reason}", e);
        }
    }

    private void Upgrade(SqliteConnection connection)
    {
        var from = Migrations.CurrentVersion(connection);
        if (from == Migrations.Latest)
        {
            return;
        }

        // An upgrade may rebuild the search index from every article: minutes for a large file,
        // and the portal only starts after it, so say what is happening.
        if (from > 0)
        {
            _logger?.LogInformation("Upgrading the database schema of {Path} from version {From} to {To}", Path, from, Migrations.Latest);
        }

        var watch = Stopwatch.StartNew();
        Migrations.Apply(connection);
        _logger?.LogInformation("Database {Path} at schema version {Version} ({Seconds:F1} s)", Path, Migrations.Latest, watch.Elapsed.TotalSeconds);
    }

    /// <summary>What is wrong with the file or its folder, for people; null for any other error
    /// (a fault in our own SQL keeps its stack trace).</summary>
    private string? FaultCause(SqliteException e) => e.SqliteErrorCode switch
    {
        raw.SQLITE_NOTADB => "the file is not a SQLite database",
        raw.SQLITE_CORRUPT => $"the file is damaged ({raw.sqlite3_errstr(e.SqliteErrorCode).utf8_to_string()})",
        raw.SQLITE_READONLY when e.SqliteExtendedErrorCode == ReadOnlyDirectory => "the folder is not writable",
        raw.SQLITE_READONLY => "the file is read-only",
        raw.SQLITE_CANTOPEN => Directory.Exists(Path) ? "the path is a folder"
            : File.Exists(Path) ? "the file is not readable"
            : "the folder is not writable",
        _ => null,
    };
}
