using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace NewsDigest.Core.Storage;

/// <summary>
/// The one SQLite file. Hands out short-lived connections (pooling makes opening cheap and a
/// connection is not thread-safe) with the per-connection pragmas set, and migrates the schema.
/// </summary>
public sealed class Database
{
    private readonly string _connectionString;
    private readonly ILogger<Database>? _logger;

    public Database(string path, ILogger<Database>? logger = null)
    {
        _logger = logger;
        Path = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

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

    public string Path { get; }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        // foreign_keys and synchronous are per connection; journal_mode=WAL persists in the file
        // (set by the first migration). NORMAL is durable across process crashes under WAL.
        pragmas.CommandText = "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
        pragmas.ExecuteNonQuery();
        return connection;
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

    /// <summary>Creates or upgrades the schema; safe to call at every start.</summary>
    public void Migrate()
    {
        using var connection = Open();
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
}
