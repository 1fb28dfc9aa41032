namespace NewsDigest.Core;

/// <summary>Settings under the "NewsDigest" configuration section. Defaults work from the repository
/// root with the README's run command.</summary>
public sealed class NewsDigestOptions
{
    public const string Section = "NewsDigest";

    /// <summary>The folder editors drop digest files into (NewsDigest:SeedsPath).</summary>
    public string SeedsPath { get; set; } = "seeds";

    /// <summary>The SQLite file, created on first run (NewsDigest:DatabasePath).</summary>
    public string DatabasePath { get; set; } = "data/newsdigest.db";

    /// <summary>Which storage engine holds the data (NewsDigest:Database:Provider).</summary>
    public DatabaseOptions Database { get; set; } = new();

    /// <summary>Larger files are rejected without being read (NewsDigest:MaxFileBytes).</summary>
    public int MaxFileBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>The periodic full rescan: the source of truth behind the file watcher.</summary>
    public int RescanIntervalSeconds { get; set; } = 60;

    /// <summary>Watch the folder for changes between rescans (NewsDigest:WatchFolder).</summary>
    public bool WatchFolder { get; set; } = true;

    /// <summary>How long a changed file must stay unchanged (size and mtime) before it is read.</summary>
    public int SettleMilliseconds { get; set; } = 500;

    /// <summary>This node's name in status pages and logs (NewsDigest:NodeName); the host name by default.</summary>
    public string NodeName { get; set; } = Environment.MachineName;

    /// <summary>How often a node that is not the ingester asks for the lease again, and how often the
    /// ingester checks it still holds it (NewsDigest:IngesterRetrySeconds).</summary>
    public int IngesterRetrySeconds { get; set; } = 5;
}
