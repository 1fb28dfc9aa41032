using NewsDigest.Core;

namespace NewsDigest.Web.Cli;

/// <summary>The core services as the one-shot commands see them: appsettings.json, then the
/// environment, then the command's own options, with the same validation as the portal.</summary>
internal static class CommandServices
{
    public static ServiceProvider Build(IReadOnlyDictionary<string, string?> overrides)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.ClearProviders())
            .AddNewsDigest(configuration)
            .BuildServiceProvider();
    }

    /// <summary>The <c>--db</c> option of a command: the SQLite file, over NewsDigest:DatabasePath.</summary>
    public static Dictionary<string, string?> DatabaseOverride(string? db) =>
        db is null ? [] : new() { ["NewsDigest:DatabasePath"] = db };
}
