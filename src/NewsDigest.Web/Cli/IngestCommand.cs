using NewsDigest.Core;
using NewsDigest.Core.Ingestion;
using NewsDigest.Core.Storage;

namespace NewsDigest.Web.Cli;

/// <summary>`ingest &lt;folder&gt; [--db &lt;path&gt;]`: one scan, a summary, exit 1 if anything was rejected or unreadable.</summary>
public static class IngestCommand
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var folder = CommandLine.Positional(args);
        if (folder is null)
        {
            error.WriteLine("usage: ingest <folder> [--db <path>]");
            return 2;
        }

        var overrides = new Dictionary<string, string?> { ["NewsDigest:SeedsPath"] = folder };
        if (CommandLine.Option(args, "--db") is { } db)
        {
            overrides["NewsDigest:DatabasePath"] = db;
        }

        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.ClearProviders())
            .AddNewsDigest(configuration)
            .BuildServiceProvider();

        var options = services.GetRequiredService<NewsDigestOptions>();
        if (!Directory.Exists(folder))
        {
            error.WriteLine($"The folder {Path.GetFullPath(folder)} does not exist.");
            return 2;
        }

        services.GetRequiredService<Database>().Migrate();
        var bar = ProgressBar.ForTerminal(output);
        var report = services.GetRequiredService<Ingester>().ScanAsync(bar).GetAwaiter().GetResult();
        bar?.Dispose();

        var run = report.Run;
        output.WriteLine($"Ingested {Path.GetFullPath(folder)} into {Path.GetFullPath(options.DatabasePath)}");
        output.WriteLine($"  added {run.Added}, updated {run.Updated}, unchanged {run.Unchanged}, removed {run.Removed}, rejected {run.Rejected}, unreadable {run.Unreadable}");
        foreach (var problem in report.Problems.OrderBy(p => p.Kind).ThenBy(p => p.File, StringComparer.Ordinal))
        {
            var where = problem.Line is > 0 ? $"{problem.File}:{problem.Line}" : problem.File;
            output.WriteLine($"  {problem.Kind.ToString().ToLowerInvariant(),-10} {where}: {problem.Reason}");
        }

        return report.Problems.Any(p => p.Kind != FileProblemKind.Warning) ? 1 : 0;
    }
}
