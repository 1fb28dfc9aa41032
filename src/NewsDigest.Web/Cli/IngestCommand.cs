using System.CommandLine;
using NewsDigest.Core;
using NewsDigest.Core.Ingestion;
using NewsDigest.Core.Storage;

namespace NewsDigest.Web.Cli;

/// <summary>`ingest &lt;folder&gt; [--db &lt;path&gt;]`: one scan, a summary, exit 1 if anything was rejected
/// or unreadable, or the database cannot be opened.</summary>
public static class IngestCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var folder = new Argument<string>("folder") { Description = "The folder of digest files (read only, never modified)" };
        var db = new Option<string>("--db") { Description = "The SQLite file (default: NewsDigest:DatabasePath, data/newsdigest.db)" };
        var command = new Command("ingest", "Ingest a folder once and print a summary; exit 1 if any file was rejected or unreadable, or the database cannot be opened") { folder, db };
        command.SetAction(result => Run(result.GetRequiredValue(folder), result.GetValue(db), output, error));
        return command;
    }

    public static int Run(string folder, string? db, TextWriter output, TextWriter error)
    {
        var overrides = CommandServices.DatabaseOverride(db);
        overrides["NewsDigest:SeedsPath"] = folder;
        using var services = CommandServices.Build(overrides);

        if (StartupSettings.Problems(services) is { Count: > 0 } problems)
        {
            problems.ToList().ForEach(error.WriteLine);
            return 1;
        }

        if (!Directory.Exists(folder))
        {
            error.WriteLine($"The folder {Path.GetFullPath(folder)} does not exist.");
            return 2;
        }

        var database = services.GetRequiredService<IDatabase>();
        try
        {
            database.Migrate();
        }
        catch (DatabaseUnavailableException e)
        {
            error.WriteLine(e.Message);
            return 1;
        }

        ScanReport report;
        using (var bar = ProgressBar.ForTerminal(output))
        {
            try
            {
                report = services.GetRequiredService<Ingester>().ScanAsync(bar).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                // The folder itself cannot be listed: nothing was changed (the run is recorded as failed).
                error.WriteLine($"cannot read the folder {Path.GetFullPath(folder)}: {e.Message}");
                return 1;
            }
        }

        var run = report.Run;
        output.WriteLine($"Ingested {Path.GetFullPath(folder)} into {database.Location}");
        output.WriteLine($"  added {run.Added}, updated {run.Updated}, unchanged {run.Unchanged}, removed {run.Removed}, rejected {run.Rejected}, unreadable {run.Unreadable}");
        foreach (var problem in report.Problems.OrderBy(p => p.Kind).ThenBy(p => p.File, StringComparer.Ordinal))
        {
            var where = problem.Line is > 0 ? $"{problem.File}:{problem.Line}" : problem.File;
            output.WriteLine($"  {problem.Kind.ToString().ToLowerInvariant(),-10} {where}: {problem.Reason}");
        }

        return report.Problems.Any(p => p.Kind != FileProblemKind.Warning) ? 1 : 0;
    }
}
