using Npgsql;

namespace NewsDigest.Core.Storage.Postgres;

/// <summary>Checks a connection string at start, before anything connects: the start-up error then
/// names the key rather than failing on first use.</summary>
public static class PostgresConnectionString
{
    /// <summary>What is wrong with the connection string, in one line without its values (it may
    /// hold a password); null when Npgsql can use it.</summary>
    public static string? Problem(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            return "it does not parse (Host=...;Database=...;Username=...).";
        }

        return string.IsNullOrWhiteSpace(builder.Host) ? "it names no Host." : null;
    }

    /// <summary>The server and database, without credentials: for messages and logs.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"postgres://{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
    }
}
