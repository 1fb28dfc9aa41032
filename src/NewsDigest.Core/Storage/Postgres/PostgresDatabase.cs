using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace NewsDigest.Core.Storage.Postgres;

/// <summary>
/// The PostgreSQL engine's database: a pooled data source handing out short-lived connections
/// (one per unit of work, as with SQLite), and the schema's migrations.
/// </summary>
public sealed class PostgresDatabase : IDatabase, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger<PostgresDatabase>? _logger;
    private readonly DataChanges _changes;

    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="logger">Where schema upgrades are told.</param>
    /// <param name="changes">Where the scan writer announces its commits (a private one when
    /// nothing listens, as in tools and tests).</param>
    public PostgresDatabase(string connectionString, ILogger<PostgresDatabase>? logger = null, DataChanges? changes = null)
    {
        _logger = logger;
        _changes = changes ?? new DataChanges();
        Location = PostgresConnectionString.Describe(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            // The same few statements run for every file of a scan and every request: prepared on
            // the server once per pooled connection, they skip its parse and plan (a sixth of a
            // 2,000-file ingest). A connection string that sets its own value keeps it.
            builder.MaxAutoPrepare = 64;
        }

        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    /// <summary>The server and database, without credentials.</summary>
    public string Location { get; }

    public NpgsqlConnection Open() => _dataSource.OpenConnection();

    /// <summary>The newest data version this process has announced.</summary>
    public PostgresDataVersion DataVersion { get; } = new();

    public IScanWriter OpenScanWriter() => new PostgresScanWriter(Open(), _changes, DataVersion);

    public bool IsReachable()
    {
        try
        {
            using var connection = Open();
            using var command = new NpgsqlCommand("SELECT 1", connection);
            return Convert.ToInt32(command.ExecuteScalar()) == 1;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Creates or upgrades the schema; safe to call at every start, and from several
    /// processes at once (the steps run under a lock). A server that cannot be reached, or refuses
    /// the login, is a <see cref="DatabaseUnavailableException"/>.</summary>
    public void Migrate()
    {
        NpgsqlConnection connection;
        try
        {
            connection = Open();
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            throw new DatabaseUnavailableException(Location, OneLine(e.Message), e);
        }

        using (connection)
        {
            var from = PostgresMigrations.CurrentVersion(connection);
            if (from == PostgresMigrations.Latest)
            {
                return;
            }

            if (from > 0)
            {
                _logger?.LogInformation("Upgrading the database schema of {Location} from version {From} to {To}", Location, from, PostgresMigrations.Latest);
            }

            var watch = Stopwatch.StartNew();
            PostgresMigrations.Apply(connection);
            _logger?.LogInformation("Database {Location} at schema version {Version} ({Seconds:F1} s)", Location, PostgresMigrations.Latest, watch.Elapsed.TotalSeconds);
        }
    }

    public void Dispose() => _dataSource.Dispose();

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
