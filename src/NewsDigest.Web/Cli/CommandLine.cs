using System.CommandLine;
using System.CommandLine.Parsing;

namespace NewsDigest.Web.Cli;

/// <summary>
/// The command line: <c>ingest</c>, <c>migrate</c>, <c>generate</c> and <c>healthcheck</c> run once and exit, each
/// with <c>--help</c>; <c>--version</c> and <c>--help</c> say what this is. No arguments, or only
/// the host's own options (<see cref="HostOptions"/>), start the portal. Anything else is a usage
/// error: the error and the usage go to stderr with exit code 2, and the portal never starts.
/// </summary>
public static class CommandLine
{
    public const int UsageError = 2;

    /// <summary>The exit code of a command, or null when the arguments are for the portal.</summary>
    public static int? Run(string[] args, TextWriter output, TextWriter error)
    {
        if (HostOptions.AreAll(args))
        {
            return null;
        }

        var root = Commands(output, error);
        var result = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        if (result.Errors.Count == 0)
        {
            return result.Invoke(configuration);
        }

        foreach (var problem in result.Errors)
        {
            error.WriteLine(problem.Message);
        }

        error.WriteLine();
        root.Parse([.. CommandPath(result), "--help"]).Invoke(new InvocationConfiguration { Output = error, Error = error });
        return UsageError;
    }

    private static RootCommand Commands(TextWriter output, TextWriter error)
    {
        var root = new RootCommand($"""
            NewsDigest: a web portal over a folder of AI-industry news digests.

            Without a command it runs the portal. Host options are taken as they are, e.g.
              --urls http://0.0.0.0:8080  --environment Production  --NewsDigest:SeedsPath=/srv/digests
            """)
        {
            IngestCommand.Create(output, error),
            MigrateCommand.Create(output, error),
            GenerateCommand.Create(output),
            HealthCheckCommand.Create(output, error),
        };

        // The root's own action is the portal, which Program.cs starts before parsing (HostOptions);
        // having one keeps "required command was not provided" out of the usage errors.
        root.SetAction(_ => 0);
        return root;
    }

    /// <summary>A value that does not parse: the option's error, shown with the usage.</summary>
    internal static T Invalid<T>(ArgumentResult result, string message)
    {
        result.AddError(message);
        return default!;
    }

    /// <summary>The command names the user typed (for the usage of the command that failed).</summary>
    private static IEnumerable<string> CommandPath(ParseResult result)
    {
        var names = new Stack<string>();
        for (var command = result.CommandResult; command.Parent is CommandResult parent; command = parent)
        {
            names.Push(command.Command.Name);
        }

        return names;
    }
}
