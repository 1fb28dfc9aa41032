namespace NewsDigest.Core.Storage;

/// <summary>The database as a whole: its schema, whether it answers, and the writer ingestion writes through.</summary>
public interface IDatabase
{
    /// <summary>Where the data lives, for people: a file path, or a server and database name
    /// (never a password).</summary>
    string Location { get; }

    /// <summary>
    /// Creates or upgrades the schema; safe to call at every start, and losing nothing an earlier
    /// release stored. A database that cannot be opened for writing, or is not sound, is a
    /// <see cref="DatabaseUnavailableException"/> and is left exactly as it was.
    /// </summary>
    void Migrate();

    /// <summary>True when the database opens and answers a trivial query (health checks).</summary>
    bool IsReachable();

    /// <summary>Opens the writer of one scan; one scan writes at a time.</summary>
    IScanWriter OpenScanWriter();
}
