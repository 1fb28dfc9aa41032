using System.CommandLine;
using NewsDigest.Core;
using NewsDigest.Core.Storage;

namespace NewsDigest.Web.Cli;

/// <summary>`migrate [--db &lt;path&gt;]`: creates or upgrades the database schema and exits, for
/// deploy pipelines that upgrade before the new portal starts. Exit 1 when the configuration is bad
/// or the database cannot be opened for writing.</summary>
public static class MigrateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var db = new Option<string>("--db") { Description = "The SQLite file (default: NewsDigest:DatabasePath, data/newsdigest.db)" };
        var command = new Command("migrate", "Create or upgrade the database schema and exit; exit 1 if the database cannot be opened for writing") { db };
        command.SetAction(result => Run(result.GetValue(db), output, error));
        return command;
    }

    public static int Run(string? db, TextWriter output, TextWriter error)
    {
        using var services = CommandServices.Build(CommandServices.DatabaseOverride(db));
        if (StartupSettings.Problems(services) is { Count: > 0 } problems)
        {
            problems.ToList().ForEach(error.WriteLine);
            return 1;
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

        output.WriteLine($"The database {database.Location} is up to date.");
        return 0;
    }
}
