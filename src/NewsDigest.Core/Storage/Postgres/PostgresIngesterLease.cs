using System.Net.Sockets;
using Npgsql;

namespace NewsDigest.Core.Storage.Postgres;

/// <summary>
/// The ingester lease of a PostgreSQL database: a session-level advisory lock held on a connection
/// of its own, opened outside the pool (a pooled connection's reset runs
/// <c>pg_advisory_unlock_all()</c>). When the node dies or its network drops, the server ends the
/// session and the lock is free for the next node; the holder notices the lost connection at its
/// next <see cref="TryHold"/> and stops ingesting.
/// </summary>
public sealed class PostgresIngesterLease : IIngesterLease
{
    /// <summary>The advisory lock's key: any fixed number other uses of the database do not take
    /// (the bytes of "NDingest").</summary>
    private const long LockKey = 0x4E44_696E_6765_7374;

    private readonly string _connectionString;
    private NpgsqlConnection? _connection;

    public PostgresIngesterLease(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            // A dead server or a dropped route shows within seconds instead of the OS's TCP timeout.
            KeepAlive = 5,
            Timeout = 5,
            CommandTimeout = 5,
            ApplicationName = "newsdigest-ingester",
        };
        _connectionString = builder.ConnectionString;
    }

    public bool TryHold()
    {
        try
        {
            if (_connection is not null)
            {
                // Still held if the session that took it still answers.
                using var check = new NpgsqlCommand("SELECT 1", _connection);
                check.ExecuteScalar();
                return true;
            }

            var connection = new NpgsqlConnection(_connectionString);
            connection.Open();
            using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", LockKey);
            if (command.ExecuteScalar() is true)
            {
                _connection = connection;
                return true;
            }

            connection.Dispose();
            return false;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException or InvalidOperationException or IOException)
        {
            // The session, and the lock with it, is gone or was never reached.
            Release();
            return false;
        }
    }

    public void Release()
    {
        // Closing the session frees the lock; an unlock statement would only fail on a dead one.
        _connection?.Dispose();
        _connection = null;
    }

    public void Dispose() => Release();
}
