using Npgsql;

namespace NewsDigest.Tests.Shared;

/// <summary>
/// A uniquely named, empty database on the server of <see cref="Variable"/>, created for one test
/// (or test class) and dropped on <see cref="Dispose"/>, so tests never see each other's rows.
/// </summary>
public sealed class PostgresTestDatabase : IDisposable
{
    /// <summary>The environment variable holding an Npgsql connection string to a database the
    /// tests may create databases from (tests/tools/postgres.sh prints it).</summary>
    public const string Variable = "NEWSDIGEST_TEST_POSTGRES";

    private static readonly Lazy<bool> Reachable = new(() =>
    {
        if (ServerConnectionString is not { } server)
        {
            return false;
        }

        try
        {
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Timeout = 3, Pooling = false }.ConnectionString);
            connection.Open();
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException or TimeoutException)
        {
            return false;
        }
    });

    public PostgresTestDatabase()
    {
        var server = ServerConnectionString
            ?? throw new InvalidOperationException($"{Variable} is not set: eval \"$(tests/tools/postgres.sh start)\" starts a server and prints it.");
        Name = "newsdigest_test_" + Guid.NewGuid().ToString("N");
        using (var admin = OpenAdmin(server))
        {
            Execute(admin, $"CREATE DATABASE {Name} ENCODING 'UTF8' TEMPLATE template0");
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = Name }.ConnectionString;
    }

    /// <summary>True when <see cref="Variable"/> names a server that answers (asked once per process).</summary>
    public static bool IsServerReachable => Reachable.Value;

    public string Name { get; }

    /// <summary>The Npgsql connection string of this database.</summary>
    public string ConnectionString { get; }

    private static string? ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public void Dispose()
    {
        // Pooled connections keep sessions on the database open; FORCE ends any left.
        using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        using var admin = OpenAdmin(ServerConnectionString!);
        Execute(admin, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private static NpgsqlConnection OpenAdmin(string server)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
