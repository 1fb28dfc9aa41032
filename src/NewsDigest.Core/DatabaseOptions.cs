namespace NewsDigest.Core;

/// <summary>Which storage engine holds the data (NewsDigest:Database) and where. SQLite, the
/// default, needs nothing more than <see cref="NewsDigestOptions.DatabasePath"/>; PostgreSQL is
/// reached through the connection string ConnectionStrings:NewsDigest.</summary>
public sealed class DatabaseOptions
{
    public const string Sqlite = "sqlite";

    public const string Postgres = "postgres";

    /// <summary>The configuration key of <see cref="Provider"/>.</summary>
    public const string ProviderKey = NewsDigestOptions.Section + ":Database:Provider";

    /// <summary>The name under ConnectionStrings of the PostgreSQL connection string.</summary>
    public const string ConnectionStringName = "NewsDigest";

    /// <summary>The configuration key of <see cref="ConnectionString"/>.</summary>
    public const string ConnectionStringKey = "ConnectionStrings:" + ConnectionStringName;

    /// <summary><see cref="Sqlite"/> or <see cref="Postgres"/> (NewsDigest:Database:Provider), in any
    /// case; empty means the default, as if the key were absent.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>The Npgsql connection string, from ConnectionStrings:NewsDigest (the conventional
    /// place, so hosting platforms and secret stores fill it in); read only when the provider is postgres.</summary>
    public string? ConnectionString { get; set; }

    public bool IsPostgres => string.Equals(Provider?.Trim(), Postgres, StringComparison.OrdinalIgnoreCase);

    public bool IsSqlite => string.IsNullOrWhiteSpace(Provider) || string.Equals(Provider.Trim(), Sqlite, StringComparison.OrdinalIgnoreCase);
}
