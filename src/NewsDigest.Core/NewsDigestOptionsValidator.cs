using Microsoft.Extensions.Options;
using NewsDigest.Core.Storage.Postgres;

namespace NewsDigest.Core;

/// <summary>
/// Checks NewsDigest:* at start, so a wrong setting is one line naming the key and its value
/// instead of a failure later (a rescan every 0 s, every file rejected as too large). A seeds folder
/// that does not exist yet is allowed: the portal keeps its articles and reports the folder missing.
/// </summary>
public sealed class NewsDigestOptionsValidator : IValidateOptions<NewsDigestOptions>
{
    public ValidateOptionsResult Validate(string? name, NewsDigestOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.SeedsPath))
        {
            failures.Add($"{Key(nameof(options.SeedsPath))} must name the folder of digest files.");
        }
        else if (File.Exists(options.SeedsPath))
        {
            failures.Add($"{Key(nameof(options.SeedsPath))} must be a folder; '{Path.GetFullPath(options.SeedsPath)}' is a file.");
        }

        // A database path that cannot be used (a folder, unwritable, not a database) is reported
        // when the database is opened, with the cause (DatabaseUnavailableException).
        if (options.Database.IsPostgres)
        {
            // The connection string may hold a password: it is never echoed.
            if (string.IsNullOrWhiteSpace(options.Database.ConnectionString))
            {
                failures.Add($"{DatabaseOptions.ConnectionStringKey} must be set to a PostgreSQL connection string when {DatabaseOptions.ProviderKey} is {DatabaseOptions.Postgres}.");
            }
            else if (PostgresConnectionString.Problem(options.Database.ConnectionString) is { } problem)
            {
                failures.Add($"{DatabaseOptions.ConnectionStringKey} is not a usable PostgreSQL connection string: {problem}");
            }
        }
        else if (!options.Database.IsSqlite)
        {
            failures.Add($"{DatabaseOptions.ProviderKey} must be {DatabaseOptions.Sqlite} or {DatabaseOptions.Postgres}; it is '{options.Database.Provider}'.");
        }
        else if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            failures.Add($"{Key(nameof(options.DatabasePath))} must name the database file.");
        }

        AtLeast(failures, nameof(options.MaxFileBytes), options.MaxFileBytes, 1);
        AtLeast(failures, nameof(options.RescanIntervalSeconds), options.RescanIntervalSeconds, 1);
        AtLeast(failures, nameof(options.SettleMilliseconds), options.SettleMilliseconds, 0);
        AtLeast(failures, nameof(options.IngesterRetrySeconds), options.IngesterRetrySeconds, 1);
        if (string.IsNullOrWhiteSpace(options.NodeName))
        {
            failures.Add($"{Key(nameof(options.NodeName))} must name this node (leave it unset for the host name).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AtLeast(List<string> failures, string property, int value, int minimum)
    {
        if (value < minimum)
        {
            failures.Add($"{Key(property)} must be at least {minimum}; it is {value}.");
        }
    }

    private static string Key(string property) => $"{NewsDigestOptions.Section}:{property}";
}
